/**
 * The sentences of the activity log, built from a verb and the names involved.
 */
import { ANSWER_WINDOW_WORDS } from './answer-window.js';

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
  'permission.expired': (_a, t) => `No answer to the request to ${t} in ${ANSWER_WINDOW_WORDS}: counted as refused.`,
  'permission.revoked': (_a, t) => `The visitor withdrew the permission to ${t}.`,
  'escalation.ticket': () => 'The visitor got a download and a code for the support client.',
  'client.connected': (_a, t) => `The support client connected (${t}).`,
  'client.ended': (a) => `${a} ended the support client; the chat goes on.`,
  'client.disconnected': () => 'The support client disconnected.',
  'client.requested': (a, t) => `${a} asked the support client for ${t}.`,
  'client.granted': (_a, t) => `The visitor allowed ${t} in the support client.`,
  'client.denied': (_a, t) => `The visitor refused ${t} in the support client.`,
  'client.expired': (_a, t) => `No answer in the support client to ${t} in ${ANSWER_WINDOW_WORDS}: counted as refused.`,
  'client.refused': (a, t) => `${a} was refused ${t}`,
  'client.system': (_a, t) => `The support client sent its system information: ${t}.`,
  'client.shell_opened': (a) => `${a} opened a command shell on the visitor's computer.`,
  'client.shell_input': (a, t) => `${a} ran: ${t}`,
  'client.shell_output': (_a, t) => `The shell answered ${t}`,
  'client.shell_exited': (_a, t) => `The shell ended (${t}).`,
  'client.file_sent': (a, t) => `${a} sent the file ${t} to the visitor's computer.`,
  'client.file_fetched': (a, t) => `${a} fetched the file ${t} from the visitor's computer.`,
  'client.elevation_requested': (a) => `${a} asked the visitor to restart the support client with administrator rights.`,
  'client.elevation_accepted': () => 'The visitor is restarting the support client with administrator rights.',
  'client.elevation_declined': () => 'The visitor declined to restart the support client with administrator rights.',
  'client.file_failed': (_a, t) => `A file transfer failed: ${t}`,
  'client.resumed': () => 'The support client came back after a lost connection.',
  'device.connected': (a, t) => `${a} connected to the unattended device ${t}; nobody is asked at the device.`,
  'device.ended': (_a, t) => `The unattended connection ended: ${t}.`,
};

/** What each capability lets a technician do, in the log's words. */
export const CAPABILITY_WORDS = { view: 'view the page', control: 'control the page', escalate: 'escalate to the support client' } as const;

/** The sentence for `verb`; unknown verbs fall back to the verb itself so nothing is lost. */
export function describe(verb: string, actorName: string, targetName = ''): string {
  return SENTENCES[verb]?.(actorName, targetName) ?? `${actorName}: ${verb}`;
}
