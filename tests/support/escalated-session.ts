/**
 * A session ready for a support client, reached over the sockets of a running server (process):
 * the admin signs in, creates a session in the first channel, a visitor joins it, the technician
 * asks for the escalation and the visitor allows it. Answers the ticket (token and 9-digit code).
 */
import type { EscalationTicketView } from '../../src/protocol/index.js';
import { signInCookie } from './tech-bot.js';
import { escalatedTicket } from './test-support-client.js';
import { joinedSession } from './test-team.js';
import { connectConsole, emitAck, valueOf, type ConsoleSocket, type WidgetSocket } from './test-sockets.js';

/** The escalated session and the sockets that made it (the caller disconnects them). */
export interface EscalatedSession {
  sessionId: string;
  ticket: EscalationTicketView;
  tech: ConsoleSocket;
  widget: WidgetSocket;
  cookie: string;
}

/** Escalates a new session; `consoleUrl` and `widgetUrl` may name different server processes. */
export async function escalatedSession(
  admin: { email: string; password: string },
  consoleUrl: string,
  widgetUrl = consoleUrl,
): Promise<EscalatedSession> {
  const cookie = await signInCookie(consoleUrl, admin.email, admin.password);
  const tech = await connectConsole(consoleUrl, cookie);
  try {
    const { channels } = valueOf(await emitAck(tech, 'directory:list', {}));
    if (channels.length === 0) throw new Error('The admin has no channel.');
    const { sessionId, widget } = await joinedSession(widgetUrl, tech, channels[0].id);
    const ticket = await escalatedTicket(tech, widget, sessionId);
    return { sessionId, ticket, tech, widget, cookie };
  } catch (e) {
    tech.disconnect();
    throw e;
  }
}
