/**
 * A support client for server tests: a real socket.io client on `/support-client`, plus the steps
 * that get a session to the point where a client may join (escalate requested and allowed, ticket
 * fetched). Everything waits on events with a time limit; nothing sleeps.
 */
import { io, type Socket } from 'socket.io-client';
import {
  NAMESPACES,
  PROTOCOL_VERSION,
  type AckValueOf,
  type EscalationTicketView,
  type PayloadOf,
  type Result,
  type SupportClientCommands,
  type SupportClientFacts,
} from '../../src/protocol/index.js';
import { emitAck, EVENT_TIMEOUT_MS, nextEvent, valueOf, type ConsoleSocket, type WidgetSocket } from './test-sockets.js';

/** A support client's socket. */
export type SupportClientSocket = Socket<SupportClientFacts, SupportClientCommands>;

/** Connects to `/support-client` (rejects with the `connect_error` when refused). */
export function connectSupportClient(
  url: string,
  options: { protocol?: unknown; headers?: Record<string, string> } = {},
): Promise<SupportClientSocket> {
  const socket: SupportClientSocket = io(`${url}${NAMESPACES.supportClient}`, {
    auth: { protocol: 'protocol' in options ? options.protocol : PROTOCOL_VERSION },
    extraHeaders: options.headers ?? {},
    forceNew: true,
    reconnection: false,
    transports: ['websocket'],
    timeout: EVENT_TIMEOUT_MS,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (e) => {
      socket.disconnect();
      reject(e);
    });
  });
}

/** Sends a support-client command and resolves with its ack. */
export function clientAck<E extends keyof SupportClientCommands>(
  socket: SupportClientSocket,
  event: E,
  payload: PayloadOf<SupportClientCommands[E]>,
): Promise<Result<AckValueOf<SupportClientCommands[E]>>> {
  return new Promise((resolve, reject) => {
    (socket.timeout(EVENT_TIMEOUT_MS).emit as (...a: unknown[]) => void)(event, payload, (err: Error | null, r: Result<never>) =>
      err ? reject(new Error(`No ack for "${event}"`)) : resolve(r),
    );
  });
}

/** Resolves with the next `event` the client hears. */
export function nextClientEvent<E extends keyof SupportClientFacts>(
  socket: SupportClientSocket,
  event: E,
): Promise<Parameters<SupportClientFacts[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No "${event}" within ${EVENT_TIMEOUT_MS} ms.`)), EVENT_TIMEOUT_MS);
    (socket.once as (e: string, l: (p: unknown) => void) => void)(event, (p) => {
      clearTimeout(timer);
      resolve(p as Parameters<SupportClientFacts[E]>[0]);
    });
  });
}

/** The technician asks for `escalate`, the visitor allows it, and the widget fetches a ticket. */
export async function escalatedTicket(tech: ConsoleSocket, widget: WidgetSocket, sessionId: string): Promise<EscalationTicketView> {
  const prompt = nextEvent(widget, 'permission:requested');
  valueOf(await emitAck(tech, 'permission:request', { sessionId, capability: 'escalate' }));
  const { id } = await prompt;
  valueOf(await emitAck(widget, 'permission:answer', { permissionId: id, allow: true }));
  return valueOf(await emitAck(widget, 'escalation:ticket', { sessionId }));
}

/** A client identity as the reference client announces it. */
export const TEST_CLIENT = { os: 'linux', elevated: false, version: 'test' } as const;
