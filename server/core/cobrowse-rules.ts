/**
 * Who may send and who may receive a co-browse stream (SPEC.md, rules C-*). Plain functions over
 * data; the relay asks them before a frame goes anywhere.
 */
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
