/**
 * Real socket.io clients for tests: connect to the widget or console namespace, send a command and
 * await its ack, await the next fact. Everything waits on events with a time limit; nothing sleeps.
 */
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import {
  NAMESPACES,
  PROTOCOL_VERSION,
  type AckValueOf,
  type ConsoleCommands,
  type ConsoleFacts,
  type ErrorCode,
  type PayloadOf,
  type Result,
  type SessionView,
  type WidgetCommands,
  type WidgetFacts,
} from '../../src/protocol/index.js';

/** A visitor's socket on the `/widget` namespace. */
export type WidgetSocket = Socket<WidgetFacts, WidgetCommands>;

/** A technician's socket on the `/console` namespace. */
export type ConsoleSocket = Socket<ConsoleFacts, ConsoleCommands>;

/** How long connects, acks and {@link nextEvent} wait before failing the test. */
export const EVENT_TIMEOUT_MS = 5000;

/** What the server put in `connect_error`'s `data` when it refused a handshake. */
export interface ConnectRefusal {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

type AnySocket = Socket<never, never>;
type RawSocket = {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  off(event: string, listener: (...args: unknown[]) => void): unknown;
  timeout(ms: number): { emit(event: string, ...args: unknown[]): unknown };
};
type EventMapsOf<S> = S extends Socket<infer L, infer C> ? { facts: L; commands: C } : never;
type CommandsOf<S> = EventMapsOf<S>['commands'];
type FactsOf<S> = EventMapsOf<S>['facts'];
type FirstArg<F> = F extends (arg: infer A, ...rest: never[]) => unknown ? A : never;

const raw = (socket: AnySocket | WidgetSocket | ConsoleSocket) => socket as unknown as RawSocket;

/** Resolves once `socket` is connected; rejects with the `connect_error` (and closes the socket). */
function connected<S extends WidgetSocket | ConsoleSocket>(socket: S): Promise<S> {
  return new Promise((resolve, reject) => {
    const onError = (error: unknown) => {
      raw(socket).off('connect', onConnect);
      socket.disconnect();
      reject(error instanceof Error ? error : new Error('connect_error'));
    };
    const onConnect = () => {
      raw(socket).off('connect_error', onError);
      resolve(socket);
    };
    raw(socket).on('connect', onConnect);
    raw(socket).on('connect_error', onError);
  });
}

/** Options of {@link connectWidget}; `protocol` may be anything (even null), to test refusals. */
export interface WidgetConnectOptions {
  channel?: string;
  token?: string;
  protocol?: unknown;
  /** The `Origin` header a browser on that site would send; Node sends none by default. */
  origin?: string;
  /** Other handshake headers, e.g. `x-forwarded-for` to speak from another address (J-1). */
  headers?: Record<string, string>;
  /** What `identify()` sends in the handshake (I-1); anything, to test refusals. */
  identity?: unknown;
}

/** Connects a visitor to `/widget` with the handshake `{ protocol, channel: 'demo', token? }`. */
export function connectWidget(url: string, options: WidgetConnectOptions = {}): Promise<WidgetSocket> {
  const auth: Record<string, unknown> = {
    protocol: 'protocol' in options ? options.protocol : PROTOCOL_VERSION,
    channel: options.channel ?? 'demo',
  };
  if (options.token !== undefined) auth.token = options.token;
  if (options.identity !== undefined) auth.identity = options.identity;
  const extraHeaders: Record<string, string> = { ...options.headers };
  if (options.origin) extraHeaders.origin = options.origin;
  const socket: WidgetSocket = io(`${url}${NAMESPACES.widget}`, {
    auth,
    extraHeaders,
    forceNew: true,
    reconnection: false,
    transports: ['websocket'],
    timeout: EVENT_TIMEOUT_MS,
  });
  return connected(socket);
}

/** Options of {@link connectConsole}: an `Origin` header to send, a protocol version to claim. */
export interface ConsoleConnectOptions {
  origin?: string;
  protocol?: unknown;
  /** Other handshake headers, e.g. `x-forwarded-for` to speak from another address (J-2). */
  headers?: Record<string, string>;
}

/** Connects a technician to `/console`, sending `cookie` (from `TestServer.login`) if given. */
export function connectConsole(url: string, cookie?: string, options: ConsoleConnectOptions = {}): Promise<ConsoleSocket> {
  const extraHeaders: Record<string, string> = { ...options.headers };
  if (cookie) extraHeaders.cookie = cookie;
  if (options.origin) extraHeaders.origin = options.origin;
  const socket: ConsoleSocket = io(`${url}${NAMESPACES.console}`, {
    auth: { protocol: 'protocol' in options ? options.protocol : PROTOCOL_VERSION },
    extraHeaders,
    forceNew: true,
    reconnection: false,
    transports: ['websocket'],
    timeout: EVENT_TIMEOUT_MS,
  });
  return connected(socket);
}

/**
 * Awaits a connect attempt that the server must refuse, and returns the refusal's `data`.
 * @throws Error when the connection was accepted (the socket is closed first).
 */
export async function connectRefusal(connecting: Promise<WidgetSocket | ConsoleSocket>): Promise<ConnectRefusal> {
  let socket: WidgetSocket | ConsoleSocket;
  try {
    socket = await connecting;
  } catch (error) {
    const data = (error as { data?: ConnectRefusal }).data;
    if (!data) throw error;
    return data;
  }
  socket.disconnect();
  throw new Error('The server accepted a connection it should have refused.');
}

/**
 * Sends a command and resolves with its ack (a `Result`), typed from the protocol's event maps.
 * @throws Error when no ack arrives within {@link EVENT_TIMEOUT_MS}.
 */
export function emitAck<S extends WidgetSocket | ConsoleSocket, E extends keyof CommandsOf<S> & string>(
  socket: S,
  event: E,
  payload: PayloadOf<CommandsOf<S>[E]>,
): Promise<Result<AckValueOf<CommandsOf<S>[E]>>> {
  return emitRaw(socket, event, payload) as Promise<Result<AckValueOf<CommandsOf<S>[E]>>>;
}

/**
 * Sends any event with any arguments plus an ack callback, for malformed input; resolves with the
 * ack. `emitRaw(s, 'message:send')` sends no payload at all.
 */
export function emitRaw(socket: WidgetSocket | ConsoleSocket, event: string, ...args: unknown[]): Promise<Result<unknown>> {
  return new Promise((resolve, reject) => {
    raw(socket)
      .timeout(EVENT_TIMEOUT_MS)
      .emit(event, ...args, (error: Error | null, result: Result<unknown>) =>
        error ? reject(new Error(`No ack for "${event}": ${error.message}`)) : resolve(result),
      );
  });
}

/**
 * Resolves with the payload of the next `event` on `socket` (that satisfies `where`, if given).
 * Call it before the action that causes the event, then await it.
 * @throws Error when the event does not come within {@link EVENT_TIMEOUT_MS}.
 */
export function nextEvent<S extends WidgetSocket | ConsoleSocket, E extends keyof FactsOf<S> & string>(
  socket: S,
  event: E,
  where?: (payload: FirstArg<FactsOf<S>[E]>) => boolean,
): Promise<FirstArg<FactsOf<S>[E]>> {
  type P = FirstArg<FactsOf<S>[E]>;
  return new Promise((resolve, reject) => {
    const listener = (payload: unknown) => {
      if (where && !where(payload as P)) return;
      clearTimeout(timer);
      raw(socket).off(event, listener);
      resolve(payload as P);
    };
    const timer = setTimeout(() => {
      raw(socket).off(event, listener);
      reject(new Error(`No "${event}" event within ${EVENT_TIMEOUT_MS} ms.`));
    }, EVENT_TIMEOUT_MS);
    raw(socket).on(event, listener);
  });
}

/**
 * Unwraps a successful `Result`.
 * @throws Error carrying the error code when the result is a failure.
 */
export function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`Expected success, got ${result.error}: ${result.message}`);
  return result.value;
}

/** A fresh client id for `message:send` (a UUID, as the widget uses). */
export function newClientId(): string {
  return randomUUID();
}

/** A visitor connected to `/widget` with a session started in channel `demo`. */
export interface VisitorFixture {
  socket: WidgetSocket;
  token: string;
  session: SessionView;
}

/** Connects a new visitor and starts a session (S-2), returning the socket, token and session. */
export async function startVisitor(url: string, options: WidgetConnectOptions = {}): Promise<VisitorFixture> {
  const socket = await connectWidget(url, options);
  try {
    const { token, session } = valueOf(await emitAck(socket, 'session:start', {}));
    return { socket, token, session };
  } catch (error) {
    socket.disconnect();
    throw error;
  }
}

/** Disconnects every given socket (undefined ones are skipped). */
export function disconnectAll(...sockets: (WidgetSocket | ConsoleSocket | undefined)[]): void {
  for (const s of sockets) s?.disconnect();
}
