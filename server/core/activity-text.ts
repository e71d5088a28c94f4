/**
 * The sentences of the activity log, built from a verb and the names involved.
 */

const SENTENCES: Record<string, (actor: string, target: string) => string> = {
  'session.started': () => 'The visitor asked for help.',
  'session.created': (a) => `${a} created the session and its invitation.`,
  'session.sos_code': () => 'The visitor asked for a support code.',
  'session.code_connected': (a) => `${a} connected with the visitor's support code.`,
  'visitor.joined': () => 'The visitor opened the invitation.',
  'visitor.returned': () => 'The visitor came back.',
  'session.queued_owner_busy': () => 'Its owner already has 10 active sessions, so the session waits in the queue.',
  'session.taken': (a) => `${a} took the session.`,
  'session.assigned': (a, t) => `${a} assigned the session to ${t}.`,
  'session.transferred': (a, t) => `${a} transferred the session to ${t}.`,
  'session.transferred_channel': (a, t) => `${a} transferred the session to the channel ${t}.`,
  'session.invited': (a, t) => `${a} invited ${t}.`,
  'session.removed_participant': (a, t) => `${a} removed ${t} from the session.`,
  'session.released': (a) => `${a} released the session to the queue.`,
  'session.closed': (a) => `${a} closed the session.`,
  'session.deleted': (a) => `${a} deleted the session.`,
  'session.visitor_disconnected': (a) => `${a} disconnected the visitor; the session is kept.`,
  'session.expired': () => 'The session expired.',
  'permission.requested': (a, t) => `${a} asked the visitor for permission to ${t}.`,
  'permission.granted': (_a, t) => `The visitor allowed the request to ${t}.`,
  'permission.denied': (_a, t) => `The visitor refused the request to ${t}.`,
  'permission.expired': (_a, t) => `No answer to the request to ${t} in 30 seconds: counted as refused.`,
  'permission.revoked': (_a, t) => `The visitor withdrew the permission to ${t}.`,
};

/** What each capability lets a technician do, in the log's words. */
export const CAPABILITY_WORDS = { view: 'view the page', control: 'control the page', escalate: 'escalate to the support client' } as const;

/** The sentence for `verb`; unknown verbs fall back to the verb itself so nothing is lost. */
export function describe(verb: string, actorName: string, targetName = ''): string {
  return SENTENCES[verb]?.(actorName, targetName) ?? `${actorName}: ${verb}`;
}
