/**
 * Download tickets of the escalation (SPEC.md E-1..E-4): issued only while the visitor's `escalate`
 * grant holds, used once, for one session, and no longer than the session or the ticket's own
 * lifetime. Plain functions over data.
 */
import { fail, ok, type Result } from '../../src/protocol/index.js';
import type { EscalationTicket } from './escalation-model.js';
import type { Permission, Session } from './model.js';
import { hasGrant } from './permission-rules.js';

/** E-3: a ticket that nobody redeems stops working after this long (or earlier, with its session). */
export const TICKET_TTL_MS = 30 * 60_000;

/** Digits of the fallback code. */
export const ESCALATION_CODE_DIGITS = 9;

/** E-1: a ticket is issued only to the session's visitor while `escalate` is granted. */
export function mayIssueTicket(session: Session, permissions: readonly Permission[], now: number): Result<null> {
  if (!hasGrant(session, permissions, 'escalate', now)) {
    return fail('forbidden', 'The escalation to the support client was not allowed in this session.');
  }
  return ok(null);
}

/** E-1: a new ticket for `session`, live until used, revoked or {@link TICKET_TTL_MS}. */
export function newTicket(input: { id: string; sessionId: string; tokenHash: string; code: string; now: number }): EscalationTicket {
  return {
    id: input.id,
    sessionId: input.sessionId,
    tokenHash: input.tokenHash,
    code: input.code,
    createdAt: input.now,
    expiresAt: input.now + TICKET_TTL_MS,
    usedAt: null,
    revokedAt: null,
  };
}

/**
 * E-3: a ticket lets a client in once, while its session is open, its own deadline has not passed
 * and the visitor still grants the escalation. Unknown, used and revoked tickets look the same.
 */
export function mayRedeem(
  ticket: EscalationTicket | undefined,
  session: Session | undefined,
  permissions: readonly Permission[],
  now: number,
): Result<{ ticket: EscalationTicket; session: Session }> {
  if (!ticket || ticket.usedAt !== null || ticket.revokedAt !== null || !session) {
    return fail('not_found', 'This code or download is not valid, or was already used. Ask for a new one in the chat.');
  }
  if (now >= ticket.expiresAt) return fail('expired', 'This code or download has expired. Ask for a new one in the chat.');
  if (!hasGrant(session, permissions, 'escalate', now)) {
    return fail('forbidden', 'The visitor no longer allows the escalation, or the session has ended.');
  }
  return ok({ ticket, session });
}
