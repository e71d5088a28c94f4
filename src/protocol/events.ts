/**
 * Typed socket.io event maps, one namespace per role. Clients send imperatives and get a
 * `Result` ack; the server announces facts in the past tense. The schema tables bind each inbound
 * event to its payload schema, so a change to an event is one edit here that the compiler carries to
 * the widget, the console and the server.
 */
import type * as v from 'valibot';
import type { Result } from './errors.js';
import {
  MessageSendSchema,
  MessagesSyncSchema,
  SessionReadSchema,
  SessionResumeSchema,
  SessionsListSchema,
  SessionStartSchema,
} from './schemas.js';
import type { MessageView, SessionSummary, SessionView } from './views.js';

/** socket.io namespaces, one per role. */
export const NAMESPACES = { widget: '/widget', console: '/console' } as const;

/** The callback that answers a client command. */
export type Ack<T> = (result: Result<T>) => void;

type Payload<S extends v.GenericSchema> = v.InferInput<S>;

/** What the widget's `session:start` and `session:resume` answer. */
export interface VisitorSessionState {
  session: SessionView | null;
  messages: MessageView[];
}

/** Events the widget sends. */
export interface WidgetCommands {
  'session:start': (p: Payload<typeof SessionStartSchema>, ack: Ack<{ token: string; session: SessionView }>) => void;
  'session:resume': (p: Payload<typeof SessionResumeSchema>, ack: Ack<VisitorSessionState>) => void;
  'message:send': (p: Payload<typeof MessageSendSchema>, ack: Ack<MessageView>) => void;
  'messages:sync': (p: Payload<typeof MessagesSyncSchema>, ack: Ack<MessageView[]>) => void;
}

/** Events the server sends to the widget. */
export interface WidgetFacts {
  'message:created': (message: MessageView) => void;
  'session:updated': (session: SessionView) => void;
}

/** Events the console sends. */
export interface ConsoleCommands {
  'sessions:list': (p: Payload<typeof SessionsListSchema>, ack: Ack<SessionSummary[]>) => void;
  'message:send': (p: Payload<typeof MessageSendSchema>, ack: Ack<MessageView>) => void;
  'messages:sync': (p: Payload<typeof MessagesSyncSchema>, ack: Ack<MessageView[]>) => void;
  'session:read': (p: Payload<typeof SessionReadSchema>, ack: Ack<null>) => void;
}

/** Events the server sends to the console. */
export interface ConsoleFacts {
  /** A new session in one of the technician's channels; `channelName` saves a lookup. */
  'session:created': (session: SessionView & { channelName: string }) => void;
  /** Status or owner changed; unread counts are the console's own to keep. */
  'session:updated': (session: SessionView) => void;
  'message:created': (message: MessageView) => void;
}

type SchemaTable<Commands> = { [K in keyof Commands]: v.GenericSchema };

/** The payload schema of every widget command; the server refuses events not listed here. */
export const widgetCommandSchemas = {
  'session:start': SessionStartSchema,
  'session:resume': SessionResumeSchema,
  'message:send': MessageSendSchema,
  'messages:sync': MessagesSyncSchema,
} as const satisfies SchemaTable<WidgetCommands>;

/** The payload schema of every console command; the server refuses events not listed here. */
export const consoleCommandSchemas = {
  'sessions:list': SessionsListSchema,
  'message:send': MessageSendSchema,
  'messages:sync': MessagesSyncSchema,
  'session:read': SessionReadSchema,
} as const satisfies SchemaTable<ConsoleCommands>;

/** The payload of a command, e.g. `PayloadOf<WidgetCommands['message:send']>`. */
export type PayloadOf<F> = F extends (payload: infer P, ack: never) => void ? P : never;

/** The value a command's successful ack carries. */
export type AckValueOf<F> = F extends (payload: never, ack: Ack<infer T>) => void ? T : never;
