/**
 * What the support client may do (SPEC.md E-5..E-8): each capability (command shell, file transfer,
 * system information) needs the visitor's Allow in the client, within the answer window of
 * `answer-window.ts` (the same as for permission requests), and works only
 * while the client is connected and the escalation itself is still granted. Plain functions.
 */
import { fail, ok, type ClientCapability, type Result } from '../../src/protocol/index.js';
import type { ClientGrant, SupportClient } from './escalation-model.js';
import type { Permission, Session } from './model.js';
import { answerDeadline, answerInWindow, ANSWER_WINDOW_WORDS, newestRequest } from './answer-window.js';
import { hasGrant } from './permission-rules.js';
import { isOpen } from './session-rules.js';

/**
 * E-7, U-5: what stands in for the visitor's consent. In an unattended session nobody is there to
 * consent: the channel's setting, checked when the member connected, holds while the session is open.
 */
function consented(session: Session, permissions: readonly Permission[], now: number): boolean {
  return session.origin === 'unattended' ? isOpen(session, now) : hasGrant(session, permissions, 'escalate', now);
}

/** E-5: a technician of the session asks; a pending or granted request is reused. */
export function requestClientGrant(input: {
  session: Session;
  permissions: readonly Permission[];
  client: SupportClient | undefined;
  technician: { id: string; name: string };
  capability: ClientCapability;
  organisation: string;
  existing: readonly ClientGrant[];
  id: string;
  now: number;
}): Result<{ grant: ClientGrant; created: boolean }> {
  const { session, client, technician, capability, now } = input;
  if (session.ownerId !== technician.id && !session.participantIds.includes(technician.id)) {
    return fail('forbidden', 'Only technicians in this session may ask the support client for access.');
  }
  if (session.origin === 'unattended') {
    return fail('forbidden', 'Nobody is at an unattended device to allow more: the channel settings say what members may use.');
  }
  if (!hasGrant(session, input.permissions, 'escalate', now)) {
    return fail('forbidden', 'The visitor has not allowed the escalation to the support client.');
  }
  if (!client || client.endedAt !== null) return fail('not_found', 'No support client is connected to this session.');
  const current = currentGrant(input.existing, capability, now);
  if (current && (current.status === 'pending' || current.status === 'granted')) return ok({ grant: current, created: false });
  return ok({
    created: true,
    grant: {
      id: input.id,
      clientId: client.id,
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

/** E-5: the visitor's answer, only while pending and before the deadline (late is `expired`). */
export function answerClientGrant(g: ClientGrant, allow: boolean, now: number): Result<ClientGrant> {
  return answerInWindow(g, allow, now, `No answer within ${ANSWER_WINDOW_WORDS}: counted as denied. The technician may ask again.`);
}

/** The newest request for a capability, a pending one past its window read as expired. */
export function currentGrant(grants: readonly ClientGrant[], capability: ClientCapability, now: number): ClientGrant | undefined {
  return newestRequest(grants, capability, now);
}

/**
 * E-7: the server relays shell, file and system traffic only while the client is connected, the
 * escalation is granted in an open session, and the visitor allowed that capability.
 */
export function clientMayUse(input: {
  session: Session;
  permissions: readonly Permission[];
  client: SupportClient | undefined;
  grants: readonly ClientGrant[];
  capability: ClientCapability;
  now: number;
}): Result<SupportClient> {
  const { client, now } = input;
  if (!client || client.endedAt !== null) return fail('not_found', 'No support client is connected to this session.');
  if (!consented(input.session, input.permissions, now)) {
    return fail('forbidden', 'The visitor no longer allows the escalation to the support client.');
  }
  if (currentGrant(input.grants, input.capability, now)?.status !== 'granted') {
    return fail('forbidden', `The visitor has not allowed ${CLIENT_CAPABILITY_WORDS[input.capability]} in the support client.`);
  }
  return ok(client);
}

/** The capabilities in the activity log's and the client's words. */
export const CLIENT_CAPABILITY_WORDS: Record<ClientCapability, string> = {
  shell: 'a command shell',
  files: 'file transfer',
  system: 'reading system information',
};
