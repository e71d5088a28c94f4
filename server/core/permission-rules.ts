/**
 * Permission requests (SPEC.md, rules G-*): a technician asks, the visitor answers within 30 seconds
 * or it counts as a denial, and only what is granted works. Plain functions over data.
 */
import { fail, ok, type Capability, type Result } from '../../src/protocol/index.js';
import type { Permission, Session } from './model.js';
import { answerDeadline, answerInWindow, newestRequest } from './answer-window.js';
import { isOpen } from './session-rules.js';

/** G-2: how long the visitor has to answer (the window of `answer-window.ts`). */
export { ANSWER_WINDOW_MS } from './answer-window.js';

/** G-1: owner and participants of an Active session may ask; an open or granted request is reused. */
export function requestPermission(input: {
  session: Session;
  technician: { id: string; name: string };
  capability: Capability;
  organisation: string;
  existing: readonly Permission[];
  id: string;
  now: number;
}): Result<{ permission: Permission; created: boolean }> {
  const { session, technician, capability, now } = input;
  if (!isOpen(session, now)) return fail('session_not_open', 'This session is no longer open.');
  if (session.ownerId !== technician.id && !session.participantIds.includes(technician.id)) {
    return fail('forbidden', 'Only technicians in this session may ask the visitor for permission.');
  }
  if (session.status !== 'active') return fail('session_not_open', 'The visitor is not connected to this session.');
  const current = currentOf(input.existing, capability, now);
  if (current && (current.status === 'pending' || current.status === 'granted')) return ok({ permission: current, created: false });
  return ok({
    created: true,
    permission: {
      id: input.id,
      sessionId: session.id,
      capability,
      status: 'pending',
      requestedBy: technician,
      organisation: input.organisation,
      requestedAt: now,
      expiresAt: answerDeadline(now),
      answeredAt: null,
    },
  });
}

/** G-2, G-3: the visitor's answer, accepted only while the request is pending and in time. */
export function answerPermission(p: Permission, allow: boolean, now: number): Result<Permission> {
  return answerInWindow(p, allow, now, 'This request timed out and counts as denied; the technician may ask again.');
}

/** G-4: the visitor withdraws a capability they granted. */
export function revokePermission(p: Permission, now: number): Result<Permission> {
  if (p.status !== 'granted') return fail('invalid_payload', 'Only a granted permission can be stopped.');
  return ok({ ...p, status: 'revoked', answeredAt: now });
}

/** The newest request for a capability, with a pending one past its window read as expired. */
export function currentOf(permissions: readonly Permission[], capability: Capability, now: number): Permission | undefined {
  return newestRequest(permissions, capability, now);
}

/** G-5: a capability works only while granted, not revoked, in an open session. */
export function hasGrant(session: Session, permissions: readonly Permission[], capability: Capability, now: number): boolean {
  return isOpen(session, now) && currentOf(permissions, capability, now)?.status === 'granted';
}
