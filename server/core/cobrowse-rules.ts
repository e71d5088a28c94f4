/**
 * Who may send and who may receive a co-browse stream, and who may act on the visitor's page
 * (SPEC.md, rules C-*). Plain functions over data; the relay asks them before a frame or a control
 * command goes anywhere.
 */
import type { ControlAnswer, ControlOutcome } from '../../src/protocol/index.js';
import type { Permission, Session } from './model.js';
import { hasGrant } from './permission-rules.js';

/** C-1: the technicians a stream may reach: the session's owner and its participants. */
export function mayWatch(session: Session, technicianId: string): boolean {
  return !session.deletedAt && (session.ownerId === technicianId || session.participantIds.includes(technicianId));
}

/** C-2: the visitor's frames go anywhere only from their own open session while `view` is granted (G-5). */
export function mayStream(session: Session | undefined, visitorId: string, permissions: readonly Permission[], now: number): boolean {
  return !!session && session.visitorId === visitorId && hasGrant(session, permissions, 'view', now);
}

/** C-12: a technician of the session acts on the page only while the visitor grants both `view` and `control`. */
export function mayControl(session: Session | undefined, technicianId: string, permissions: readonly Permission[], now: number): boolean {
  return (
    !!session &&
    mayWatch(session, technicianId) &&
    hasGrant(session, permissions, 'view', now) &&
    hasGrant(session, permissions, 'control', now)
  );
}

/**
 * C-12: what a command achieved, from the answers of the session's widgets (already validated):
 * the one that records the page decides; `stale` when every widget records another page, `offline`
 * when none answered.
 */
export function controlOutcome(answers: readonly ControlAnswer[]): ControlOutcome {
  const decided = answers.find((a): a is ControlOutcome => a.status !== 'elsewhere');
  if (decided) return decided;
  return { status: 'refused', reason: answers.length > 0 ? 'stale' : 'offline' };
}
