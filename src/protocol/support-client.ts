/**
 * The support client's part of the wire protocol (SPEC.md E-*): its own namespace, the console
 * commands that drive it, and the widget's command that fetches the download ticket. Kept apart from
 * `events.ts` so the widget bundle does not carry schemas it never uses; `events.ts` merges the
 * console and widget parts into their role's maps.
 */
import * as v from 'valibot';
import type { Ack } from './events.js';
import { SystemReportSchema } from './system-report.js';
import {
  deviceCommandSchemas,
  deviceConsoleCommandSchemas,
  type DeviceCommands,
  type DeviceConsoleCommands,
  type DeviceConsoleFacts,
  type DeviceFacts,
} from './unattended.js';
import type { ClientOs, PermissionStatus, TechnicianRef } from './views.js';

export { SystemReportSchema } from './system-report.js';

/** Size limits of the support client's traffic. */
export const CLIENT_LIMITS = {
  /** Raw bytes of one file chunk; base64 keeps an event under `LIMITS.eventBytes` (16 KiB). */
  chunkBytes: 8 * 1024,
  /** Largest file either side may send. */
  fileBytes: 5 * 1024 * 1024,
  /** Characters of one shell input or output event. */
  shellData: 8 * 1024,
  /** E-15: how long the client keeps a shell alive after losing its connection. */
  shellGraceMs: 60_000,
} as const;

/** What a technician may ask the visitor for once the support client runs (E-6). */
export type ClientCapability = 'shell' | 'files' | 'system';

/** The client's machine, sent only after the visitor allowed `system` (E-6). */
export interface SystemInfo {
  os: ClientOs | 'other';
  platform: string;
  release: string;
  arch: string;
  hostname: string;
  user: string;
  elevated: boolean;
  cpus: number;
  memoryMb: number;
  node: string;
  /** True when the shell is a real PTY (node-pty), false for a plain pipe. */
  pty: boolean;
}

/** One capability request to the support client and its answer. */
export interface ClientGrantView {
  id: string;
  clientId: string;
  sessionId: string;
  capability: ClientCapability;
  status: PermissionStatus;
  requestedBy: TechnicianRef;
  organisation: string;
  requestedAt: number;
  expiresAt: number;
  answeredAt: number | null;
}

/** The support client of a session, as the console sees it. */
export interface SupportClientView {
  id: string;
  sessionId: string;
  /** The OS and rights the client announced when it connected (before any consent). */
  os: ClientOs | 'other';
  elevated: boolean;
  version: string;
  /** Null until the visitor allows `system`. */
  system: SystemInfo | null;
  connectedAt: number;
  endedAt: number | null;
  /** E-14, E-15: the connection was lost and the client may still rejoin (its shells are kept meanwhile). */
  reconnecting: boolean;
  grants: ClientGrantView[];
}

/** What the widget shows after the visitor allowed the escalation (E-2). */
export interface EscalationTicketView {
  /** Single use, 256 random bits; the default download embeds it. */
  token: string;
  /** Nine digits to type into the client instead. */
  code: string;
  expiresAt: number;
  /** Per OS: the channel's link, or this server's reference client (a path on this server). */
  downloads: Record<ClientOs, string>;
}

const Id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id'));
const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Os = v.picklist(['windows', 'macos', 'linux', 'other']);

/** A ticket's token as the client sends it. */
export const EscalationTokenSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43,128}$/, 'must be an escalation token'));

/** A nine-digit escalation code as the visitor types it (spaces and dashes ignored). */
export const EscalationCodeSchema = v.pipe(
  v.string(),
  v.maxLength(32),
  v.transform((s) => s.replace(/[\s-]/g, '')),
  v.regex(/^\d{9}$/, 'must be 9 digits'),
);

/** Handshake of the support-client namespace. */
export const SupportClientHandshakeSchema = v.object({ protocol: v.number() });

/** `client:redeem`: the client proves it was sent by the visitor (token or code) and says what it is. */
export const ClientRedeemSchema = v.strictObject({
  secret: v.union([v.strictObject({ token: EscalationTokenSchema }), v.strictObject({ code: EscalationCodeSchema })]),
  client: v.strictObject({ os: Os, elevated: v.boolean(), version: Text(40) }),
});

/**
 * `client:resume`: after a lost connection, the same client rejoins its session with the resume
 * credential `client:redeem` gave it (E-14), while the session and the escalation still hold.
 */
export const ClientResumeSchema = v.strictObject({
  clientId: Id,
  resume: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43,128}$/, 'must be a resume credential')),
});

/** `grant:answer`: the visitor's answer in the client's terminal. */
export const GrantAnswerSchema = v.strictObject({ grantId: Id, allow: v.boolean() });

const Seq = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(Number.MAX_SAFE_INTEGER));

/**
 * `shell:output` from the client: numbered per shell from 1, so a chunk sent again after a lost
 * connection (E-15) is recognised by the consoles and counted once in the activity log.
 */
export const ShellOutputSchema = v.strictObject({ shellId: Id, seq: Seq, data: Text(CLIENT_LIMITS.shellData) });

/** Why a shell ended on the client: by itself, or the client ended it (E-15). */
export type ShellEndReason = 'exited' | 'connection_lost' | 'not_allowed';

/** `shell:exited` from the client. */
export const ShellExitedSchema = v.strictObject({
  shellId: Id,
  code: v.nullable(v.pipe(v.number(), v.integer())),
  reason: v.optional(v.picklist(['exited', 'connection_lost', 'not_allowed'])),
});

const Base64Chunk = v.pipe(
  v.string(),
  v.maxLength(Math.ceil(CLIENT_LIMITS.chunkBytes / 3) * 4),
  v.regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
);
const ChunkIndex = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(0),
  v.maxValue(Math.ceil(CLIENT_LIMITS.fileBytes / CLIENT_LIMITS.chunkBytes)),
);

/** `file:chunk` from the client: part of a file the technician fetched. */
export const ClientFileChunkSchema = v.strictObject({ transferId: Id, index: ChunkIndex, data: Base64Chunk, last: v.boolean() });

/** `file:failed` from the client: a fetch it could not finish. */
export const ClientFileFailedSchema = v.strictObject({ transferId: Id, message: Text(300) });

/** `client:end`: the visitor ends the support client; the session keeps its chat. */
export const ClientEndSchema = v.strictObject({});

/** A file name: no folders, no control characters. */
export const FileNameSchema = v.pipe(
  v.string(),
  v.minLength(1, 'must not be empty'),
  v.maxLength(200),
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not hold
  v.regex(/^[^/\\\0-\x1f:*?"<>|]+$/, 'must be a file name without folders'),
  v.check((s) => s !== '.' && s !== '..', 'must be a file name'),
);

/** `client:grant-request` (console): ask the visitor, in the client, for a capability. */
export const ClientGrantRequestSchema = v.strictObject({ sessionId: Id, capability: v.picklist(['shell', 'files', 'system']) });

/** `client:status` (console): the session's support client, if any. */
export const ClientStatusSchema = v.strictObject({ sessionId: Id });

const Dim = v.pipe(v.number(), v.integer(), v.minValue(2), v.maxValue(1000));

/** `client:shell-open` (console). */
export const ShellOpenSchema = v.strictObject({ sessionId: Id, cols: Dim, rows: Dim });

/** `client:shell-input` (console): keystrokes for the client's shell. */
export const ShellInputSchema = v.strictObject({ sessionId: Id, shellId: Id, data: Text(CLIENT_LIMITS.shellData) });

/**
 * `client:shell-attach` (console): after the console or the client came back (E-15), asks the client
 * for the shell's output after `afterSeq` again; answers whether the shell still runs.
 */
export const ShellAttachSchema = v.strictObject({
  sessionId: Id,
  shellId: Id,
  afterSeq: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER)),
});

/** `client:shell-resize` (console). */
export const ShellResizeSchema = v.strictObject({ sessionId: Id, shellId: Id, cols: Dim, rows: Dim });

/** `client:file-send` (console): start sending a file to the client. */
export const FileSendSchema = v.strictObject({
  sessionId: Id,
  name: FileNameSchema,
  size: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(CLIENT_LIMITS.fileBytes, 'is larger than the 5 MB limit')),
});

/** `client:file-chunk` (console): one chunk of a file being sent, in order. */
export const FileChunkSchema = v.strictObject({ sessionId: Id, transferId: Id, index: ChunkIndex, data: Base64Chunk, last: v.boolean() });

/** `client:file-fetch` (console): ask the client for a file by its path on the visitor's machine. */
export const FileFetchSchema = v.strictObject({ sessionId: Id, path: v.pipe(v.string(), v.minLength(1), v.maxLength(1024)) });

/** `client:elevation-request` (console): ask the visitor to restart the client with administrator rights. */
export const ElevationRequestSchema = v.strictObject({ sessionId: Id });

/** `elevation:answer` (client): whether the visitor restarts the client elevated. */
export const ElevationAnswerSchema = v.strictObject({ allow: v.boolean() });

/** `escalation:ticket` (widget): the download ticket of a granted escalation. */
export const EscalationTicketSchema = v.strictObject({ sessionId: Id });

type Payload<S extends v.GenericSchema> = v.InferInput<S>;

/** What `client:redeem` answers: the session and who is asking. */
export interface ClientRedeemed {
  clientId: string;
  sessionId: string;
  organisation: string;
  technicians: string[];
  /** E-14: lets this client rejoin with `client:resume` after a lost connection (not after an end). */
  resume: string;
  /** Capabilities the visitor already allowed this client (non-empty only on resume). */
  granted: ClientCapability[];
}

/** Events the support client sends. */
export interface SupportClientCommands extends DeviceCommands {
  'client:redeem': (p: Payload<typeof ClientRedeemSchema>, ack: Ack<ClientRedeemed>) => void;
  'client:resume': (p: Payload<typeof ClientResumeSchema>, ack: Ack<ClientRedeemed>) => void;
  'grant:answer': (p: Payload<typeof GrantAnswerSchema>, ack: Ack<ClientGrantView>) => void;
  'system:report': (p: Payload<typeof SystemReportSchema>, ack: Ack<null>) => void;
  'shell:output': (p: Payload<typeof ShellOutputSchema>, ack: Ack<null>) => void;
  'shell:exited': (p: Payload<typeof ShellExitedSchema>, ack: Ack<null>) => void;
  'file:chunk': (p: Payload<typeof ClientFileChunkSchema>, ack: Ack<null>) => void;
  'file:failed': (p: Payload<typeof ClientFileFailedSchema>, ack: Ack<null>) => void;
  'client:end': (p: Payload<typeof ClientEndSchema>, ack: Ack<null>) => void;
  'elevation:answer': (p: Payload<typeof ElevationAnswerSchema>, ack: Ack<null>) => void;
}

/** What the client answers to `file:offer`, `file:data` and `file:fetch`. */
export type ClientReply<T = null> = { ok: true; value: T } | { ok: false; message: string };

/** Events the server sends to the support client. */
export interface SupportClientFacts extends DeviceFacts {
  /** A technician asks for a capability: the client asks the visitor (30 s, then Deny). */
  'grant:requested': (grant: ClientGrantView) => void;
  'grant:updated': (grant: ClientGrantView) => void;
  'shell:open': (p: { shellId: string; cols: number; rows: number }) => void;
  'shell:input': (p: { shellId: string; data: string }) => void;
  'shell:resize': (p: { shellId: string; cols: number; rows: number }) => void;
  /** Send the shell's output after `afterSeq` again (E-15); `alive` is false once the shell ended. */
  'shell:replay': (p: { shellId: string; afterSeq: number }, ack: (r: ClientReply<{ alive: boolean }>) => void) => void;
  /** A file comes from the technician; the client answers once it is ready to write. */
  'file:offer': (p: { transferId: string; name: string; size: number }, ack: (r: ClientReply) => void) => void;
  'file:data': (p: { transferId: string; index: number; data: string; last: boolean }, ack: (r: ClientReply) => void) => void;
  /** The technician asks for a file; the client answers its name and size, then sends `file:chunk`s. */
  'file:fetch': (p: { transferId: string; path: string }, ack: (r: ClientReply<{ name: string; size: number }>) => void) => void;
  /**
   * A technician asks the visitor to restart the client with administrator rights (E-13). The
   * ticket lets the restarted client rejoin the session once; it replaces the running one.
   */
  'elevation:requested': (p: { requestedBy: TechnicianRef; organisation: string; token: string }) => void;
  /** The server ended the connection (session closed, escalation withdrawn); the client exits. */
  'client:ended': (p: { message: string }) => void;
}

/** Support-client commands the console sends (merged into `ConsoleCommands`). */
export interface ClientConsoleCommands extends DeviceConsoleCommands {
  'client:status': (p: Payload<typeof ClientStatusSchema>, ack: Ack<SupportClientView | null>) => void;
  'client:grant-request': (p: Payload<typeof ClientGrantRequestSchema>, ack: Ack<ClientGrantView>) => void;
  'client:shell-open': (p: Payload<typeof ShellOpenSchema>, ack: Ack<{ shellId: string }>) => void;
  'client:shell-input': (p: Payload<typeof ShellInputSchema>, ack: Ack<null>) => void;
  'client:shell-resize': (p: Payload<typeof ShellResizeSchema>, ack: Ack<null>) => void;
  'client:shell-attach': (p: Payload<typeof ShellAttachSchema>, ack: Ack<{ alive: boolean }>) => void;
  'client:file-send': (p: Payload<typeof FileSendSchema>, ack: Ack<{ transferId: string }>) => void;
  'client:file-chunk': (p: Payload<typeof FileChunkSchema>, ack: Ack<null>) => void;
  'client:file-fetch': (p: Payload<typeof FileFetchSchema>, ack: Ack<{ transferId: string; name: string; size: number }>) => void;
  'client:elevation-request': (p: Payload<typeof ElevationRequestSchema>, ack: Ack<null>) => void;
}

/** Support-client facts the console hears (merged into `ConsoleFacts`). */
export interface ClientConsoleFacts extends DeviceConsoleFacts {
  'client:updated': (client: SupportClientView) => void;
  'client:shell-output': (p: { sessionId: string; shellId: string; seq: number; data: string }) => void;
  'client:shell-exited': (p: { sessionId: string; shellId: string; code: number | null }) => void;
  /** A chunk of a file the technician fetched from the client. */
  'client:file-chunk': (p: { sessionId: string; transferId: string; index: number; data: string; last: boolean }) => void;
  'client:file-failed': (p: { sessionId: string; transferId: string; message: string }) => void;
}

/** The widget's support-client command (merged into `WidgetCommands`). */
export interface ClientWidgetCommands {
  'escalation:ticket': (p: Payload<typeof EscalationTicketSchema>, ack: Ack<EscalationTicketView>) => void;
}

/** The payload schema of every support-client command; the server refuses events not listed here. */
export const supportClientCommandSchemas = {
  'client:redeem': ClientRedeemSchema,
  'client:resume': ClientResumeSchema,
  ...deviceCommandSchemas,
  'grant:answer': GrantAnswerSchema,
  'system:report': SystemReportSchema,
  'shell:output': ShellOutputSchema,
  'shell:exited': ShellExitedSchema,
  'file:chunk': ClientFileChunkSchema,
  'file:failed': ClientFileFailedSchema,
  'client:end': ClientEndSchema,
  'elevation:answer': ElevationAnswerSchema,
} as const satisfies { [K in keyof SupportClientCommands]: v.GenericSchema };

/** The console's support-client command schemas (spread into `consoleCommandSchemas`). */
export const clientConsoleCommandSchemas = {
  ...deviceConsoleCommandSchemas,
  'client:status': ClientStatusSchema,
  'client:grant-request': ClientGrantRequestSchema,
  'client:shell-open': ShellOpenSchema,
  'client:shell-input': ShellInputSchema,
  'client:shell-resize': ShellResizeSchema,
  'client:shell-attach': ShellAttachSchema,
  'client:file-send': FileSendSchema,
  'client:file-chunk': FileChunkSchema,
  'client:file-fetch': FileFetchSchema,
  'client:elevation-request': ElevationRequestSchema,
} as const satisfies { [K in keyof ClientConsoleCommands]: v.GenericSchema };
