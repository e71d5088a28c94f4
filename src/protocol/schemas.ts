/**
 * One schema per inbound payload (socket events, HTTP bodies, handshakes). The server validates every
 * payload against these before anything else happens; the types clients send are inferred from them.
 */
import * as v from 'valibot';
import { ATTACHMENT_MAX_BYTES_RANGE } from './attachments.js';

/** Size limits that schemas enforce; clients may use them to stop users early. */
export const LIMITS = {
  /** Characters in one chat message. */
  messageText: 4000,
  /** Bytes of one serialised socket payload; above it the event is refused before validation. */
  eventBytes: 16 * 1024,
  /** Bytes of one HTTP JSON body. */
  httpBodyBytes: 16 * 1024,
} as const;

/** How long the visitor has to answer a request, in the widget or the support client (G-2, E-5, E-13). */
export const ANSWER_WINDOW_MS = 30_000;

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

/**
 * `message:send`, from the widget or the console. With an uploaded attachment (F-4) the text may be
 * empty; without one it must not be.
 */
export const MessageSendSchema = v.pipe(
  v.strictObject({
    sessionId: Id,
    clientId: ClientIdSchema,
    text: v.pipe(v.string(), v.trim(), v.maxLength(LIMITS.messageText, `must be at most ${LIMITS.messageText} characters`)),
    attachmentId: v.optional(Id),
  }),
  v.forward(
    v.check((p) => p.text.length > 0 || p.attachmentId !== undefined, 'must not be empty'),
    ['text'],
  ),
);

/** `?name=` of an attachment upload: any text, cleaned and cut to 200 characters by the server. */
export const AttachmentUploadQuerySchema = v.strictObject({
  name: v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(1000)),
});

/** `note:send`: a technician-only note in a session (N-1). */
export const NoteSendSchema = MessageSendSchema;

/** `notes:sync`: every note of a session after `afterSeq`, in order. */
export const NotesSyncSchema = v.strictObject({ sessionId: Id, afterSeq: Seq });

/** `typing:set`: the sender started (`true`) or stopped typing in a session (Y-1). */
export const TypingSetSchema = v.strictObject({ sessionId: Id, typing: v.boolean() });

/** `messages:seen`: the widget received (`delivered`) and showed (`read`) messages up to these seqs (D-1). */
export const MessagesSeenSchema = v.strictObject({ sessionId: Id, delivered: Seq, read: v.optional(Seq) });

/** `session:delivered`: the console received the visitor's messages up to `seq` (D-1). */
export const SessionDeliveredSchema = v.strictObject({ sessionId: Id, seq: Seq });

/** `messages:sync`: every message of a session after `afterSeq`, in order. */
export const MessagesSyncSchema = v.strictObject({ sessionId: Id, afterSeq: Seq });

/** `sessions:list`: the sessions of the technician's channels. */
export const SessionsListSchema = v.strictObject({});

/** `session:read`: the technician has read up to `seq`. */
export const SessionReadSchema = v.strictObject({ sessionId: Id, seq: Seq });

const Capability = v.picklist(['view', 'control', 'escalate']);

/** A six-digit PIN as the visitor types it (spaces and dashes ignored). */
export const PinSchema = v.pipe(
  v.string(),
  v.transform((s) => s.replace(/[\s-]/g, '')),
  v.regex(/^\d{6}$/, 'must be 6 digits'),
);

/** A nine-digit support code as the technician types it (spaces and dashes ignored). */
export const SupportCodeSchema = v.pipe(
  v.string(),
  v.transform((s) => s.replace(/[\s-]/g, '')),
  v.regex(/^\d{9}$/, 'must be 9 digits'),
);

/** The secret of an invitation link (the `porthole` query parameter). */
export const InviteTokenSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{22,128}$/, 'must be an invitation token'));

/** `session:join`: the visitor opens an invitation link or types its PIN. */
export const SessionJoinSchema = v.union([v.strictObject({ link: InviteTokenSchema }), v.strictObject({ pin: PinSchema })]);

/** `sos:code`: the widget asks for the code to read out; `pageId` is new on every page load. */
export const SosCodeSchema = v.strictObject({ pageId: ClientIdSchema });

/** `permission:answer`: the visitor allows or denies a request. */
export const PermissionAnswerSchema = v.strictObject({ permissionId: Id, allow: v.boolean() });

/** `permission:revoke`: the visitor withdraws a capability they granted. */
export const PermissionRevokeSchema = v.strictObject({ sessionId: Id, capability: Capability });

/** `session:details`: everything about one session. */
export const SessionDetailsSchema = v.strictObject({ sessionId: Id });

/** `session:create`: a technician opens a session in a channel and gets its link and PIN. */
export const SessionCreateSchema = v.strictObject({ channelId: Id });

/** `session:connect-code`: a technician joins the session behind a visitor's 9-digit code. */
export const ConnectCodeSchema = v.strictObject({ code: SupportCodeSchema });

/** The actions of `session:act`, one variant each. */
export const SessionActionSchema = v.variant('type', [
  v.strictObject({ type: v.literal('take') }),
  v.strictObject({ type: v.literal('assign'), technicianId: Id }),
  v.strictObject({ type: v.literal('transfer'), technicianId: Id, stay: v.boolean() }),
  v.strictObject({ type: v.literal('transfer-channel'), channelId: Id, stay: v.boolean() }),
  v.strictObject({ type: v.literal('invite'), technicianId: Id }),
  v.strictObject({ type: v.literal('remove'), technicianId: Id }),
  v.strictObject({ type: v.literal('release') }),
  v.strictObject({ type: v.literal('close') }),
  v.strictObject({ type: v.literal('delete') }),
  v.strictObject({ type: v.literal('disconnect-visitor') }),
]);

/** `session:act`: one action on a session. */
export const SessionActSchema = v.strictObject({ sessionId: Id, action: SessionActionSchema });

/** `permission:request`: a technician asks the visitor for a capability. */
export const PermissionRequestSchema = v.strictObject({ sessionId: Id, capability: Capability });

/** `directory:list`: channels and technicians the console may pick from. */
export const DirectoryListSchema = v.strictObject({});

const Name = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(80));
const Password = v.pipe(v.string(), v.minLength(10, 'must be at least 10 characters'), v.maxLength(1024));
const Origin = v.pipe(
  v.string(),
  v.maxLength(200),
  v.check((s) => {
    try {
      return new URL(s).origin === s;
    } catch {
      return false;
    }
  }, 'must be an origin such as https://www.example.com'),
);
const HttpUrl = v.union([
  v.literal(''),
  v.pipe(v.string(), v.maxLength(2000), v.url('must be a URL'), v.regex(/^https?:\/\//, 'must be http(s)')),
]);

/** `POST /api/technicians` body (admins). */
export const TechnicianCreateSchema = v.strictObject({
  email: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.email('must be an email address'), v.maxLength(254)),
  name: Name,
  password: Password,
  role: v.picklist(['admin', 'technician']),
});

/** `POST /api/auth/password` body. */
export const PasswordChangeSchema = v.strictObject({ current: v.pipe(v.string(), v.maxLength(1024)), next: Password });

// A plain object, so that bundles which do not use the channel schemas can drop them all.
const channelFields = {
  name: Name,
  expirationMinutes: v.pipe(
    v.number(),
    v.integer(),
    v.minValue(30, 'must be at least 30 minutes'),
    v.maxValue(1440, 'must be at most 1 day'),
  ),
  allowedOrigins: v.pipe(v.array(Origin), v.maxLength(50)),
  siteUrl: HttpUrl,
  downloadLinks: v.strictObject({ windows: v.optional(HttpUrl), macos: v.optional(HttpUrl), linux: v.optional(HttpUrl) }),
  memberIds: v.pipe(v.array(Id), v.maxLength(500)),
  /** F-2: absent keeps the channel's current limit (10 MB for a new channel). */
  attachmentMaxBytes: v.optional(
    v.pipe(
      v.number(),
      v.integer(),
      v.minValue(ATTACHMENT_MAX_BYTES_RANGE.min, 'must be at least 1 kB'),
      v.maxValue(ATTACHMENT_MAX_BYTES_RANGE.max, 'must be at most 100 MB'),
    ),
  ),
};

/** Fields of a channel an admin sets (`PUT /api/channels/:id` body). */
export const ChannelFieldsSchema = v.strictObject(channelFields);

/** `POST /api/channels` body: the fields plus an optional public key (derived from the name when absent). */
export const ChannelCreateSchema = v.strictObject({ ...channelFields, key: v.optional(ChannelKeySchema) });

/** `POST /api/auth/login` body. */
export const LoginSchema = v.strictObject({
  email: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.email('must be an email address'), v.maxLength(254)),
  password: v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(1024)),
});

export type WidgetHandshake = v.InferInput<typeof WidgetHandshakeSchema>;
export type ConsoleHandshake = v.InferInput<typeof ConsoleHandshakeSchema>;
export type MessageSend = v.InferInput<typeof MessageSendSchema>;
export type MessagesSync = v.InferInput<typeof MessagesSyncSchema>;
export type TypingSet = v.InferInput<typeof TypingSetSchema>;
export type MessagesSeen = v.InferInput<typeof MessagesSeenSchema>;
export type SessionRead = v.InferInput<typeof SessionReadSchema>;
export type Login = v.InferInput<typeof LoginSchema>;
export type SessionAction = v.InferOutput<typeof SessionActionSchema>;
export type ChannelFields = v.InferOutput<typeof ChannelFieldsSchema>;
export type ChannelCreate = v.InferOutput<typeof ChannelCreateSchema>;
export type TechnicianCreate = v.InferOutput<typeof TechnicianCreateSchema>;
