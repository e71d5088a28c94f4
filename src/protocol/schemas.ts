/**
 * One schema per inbound payload (socket events, HTTP bodies, handshakes). The server validates every
 * payload against these before anything else happens; the types clients send are inferred from them.
 */
import * as v from 'valibot';

/** Size limits that schemas enforce; clients may use them to stop users early. */
export const LIMITS = {
  /** Characters in one chat message. */
  messageText: 4000,
  /** Bytes of one serialised socket payload; above it the event is refused before validation. */
  eventBytes: 16 * 1024,
  /** Bytes of one HTTP JSON body. */
  httpBodyBytes: 16 * 1024,
} as const;

const Id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id'));

/** A client-chosen message id: 8 to 64 URL-safe characters (a UUID fits). */
export const ClientIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8-64 URL-safe characters'));

/** A public channel key as written in the widget's `channel` attribute. */
export const ChannelKeySchema = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a channel key'));

/** A visitor's bearer token, as issued by `session:start`. */
export const VisitorTokenSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{32,128}$/, 'must be a visitor token'));

const Seq = v.pipe(v.number(), v.integer(), v.minValue(0));

/** Chat text: trimmed, not empty, at most {@link LIMITS.messageText} characters. */
export const MessageTextSchema = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1, 'must not be empty'),
  v.maxLength(LIMITS.messageText, `must be at most ${LIMITS.messageText} characters`),
);

/** Handshake of the widget namespace (socket.io `auth`). */
export const WidgetHandshakeSchema = v.object({
  protocol: v.number(),
  channel: ChannelKeySchema,
  token: v.optional(VisitorTokenSchema),
});

/** Handshake of the console namespace (socket.io `auth`); the technician comes from the cookie. */
export const ConsoleHandshakeSchema = v.object({ protocol: v.number() });

/** `session:start`: the visitor asks for help; no fields yet. */
export const SessionStartSchema = v.strictObject({});

/** `session:resume`: the visitor's widget asks for its open session and history. */
export const SessionResumeSchema = v.strictObject({});

/** `message:send`, from the widget or the console. */
export const MessageSendSchema = v.strictObject({
  sessionId: Id,
  clientId: ClientIdSchema,
  text: MessageTextSchema,
});

/** `messages:sync`: every message of a session after `afterSeq`, in order. */
export const MessagesSyncSchema = v.strictObject({ sessionId: Id, afterSeq: Seq });

/** `sessions:list`: the sessions of the technician's channels. */
export const SessionsListSchema = v.strictObject({});

/** `session:read`: the technician has read up to `seq`. */
export const SessionReadSchema = v.strictObject({ sessionId: Id, seq: Seq });

/** `POST /api/auth/login` body. */
export const LoginSchema = v.strictObject({
  email: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.email('must be an email address'), v.maxLength(254)),
  password: v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(1024)),
});

export type WidgetHandshake = v.InferInput<typeof WidgetHandshakeSchema>;
export type ConsoleHandshake = v.InferInput<typeof ConsoleHandshakeSchema>;
export type MessageSend = v.InferInput<typeof MessageSendSchema>;
export type MessagesSync = v.InferInput<typeof MessagesSyncSchema>;
export type SessionRead = v.InferInput<typeof SessionReadSchema>;
export type Login = v.InferInput<typeof LoginSchema>;
