/**
 * Typed socket.io event maps, one namespace per role. Clients send imperatives and get a
 * `Result` ack; the server announces facts in the past tense. The schema tables bind each inbound
 * event to its payload schema, so a change to an event is one edit here that the compiler carries to
 * the widget, the console and the server.
 */
import type * as v from 'valibot';
import {
  CobrowseFrameSchema,
  CobrowseHighlightSchema,
  CobrowsePointerSchema,
  CobrowseTargetSchema,
  type CobrowseHighlight,
  type CobrowsePointer,
  type CobrowseStopped,
  type CobrowseWatching,
} from './cobrowse.js';
import { CobrowseControlSchema, type ControlAnswer, type ControlOutcome } from './cobrowse-control.js';
import type { Result } from './errors.js';
import { deskCommandSchemas, type DeskCommands, type DeskFacts } from './desk-events.js';
import {
  ConnectCodeSchema,
  DirectoryListSchema,
  MessageSendSchema,
  MessagesSeenSchema,
  MessagesSyncSchema,
  NoteSendSchema,
  NotesSyncSchema,
  PermissionAnswerSchema,
  PermissionRequestSchema,
  PermissionRevokeSchema,
  SessionActSchema,
  SessionCreateSchema,
  SessionDeliveredSchema,
  SessionDetailsSchema,
  SessionJoinSchema,
  SessionReadSchema,
  SessionResumeSchema,
  SessionsListSchema,
  SosCodeSchema,
  TypingSetSchema,
} from './schemas.js';
import {
  ChannelProfileAskSchema,
  ConversationLinkAskSchema,
  ConversationPickUpSchema,
  OfflineLeaveSchema,
  SessionStartWithAnswersSchema,
} from './profile-schemas.js';
import type { ChannelPublicProfile } from './profile-views.js';
import {
  clientConsoleCommandSchemas,
  EscalationTicketSchema,
  type ClientConsoleCommands,
  type ClientConsoleFacts,
  type ClientWidgetCommands,
} from './support-client.js';
import type {
  ActivityView,
  ChannelView,
  Invitation,
  MessageView,
  NoteView,
  PermissionView,
  ReceiptView,
  SessionDetails,
  SessionSummary,
  SessionView,
  TechnicianRef,
  TypingView,
} from './views.js';

/** socket.io namespaces, one per role. */
export const NAMESPACES = { widget: '/widget', console: '/console', supportClient: '/support-client' } as const;

/** The callback that answers a client command. */
export type Ack<T> = (result: Result<T>) => void;

type Payload<S extends v.GenericSchema> = v.InferInput<S>;

/** What the widget's `session:start` and `session:resume` answer. */
export interface VisitorSessionState {
  session: SessionView | null;
  messages: MessageView[];
  /** How far the technicians received and read the visitor's messages (D-1); absent from older servers. */
  receipts?: ReceiptView[];
}

/** What `session:join` answers: the joined session, its history, and a token for a new visitor. */
export interface VisitorJoined extends VisitorSessionState {
  session: SessionView;
  /** Empty when the visitor already had a token. */
  token: string;
}

/** Events the widget sends. */
export interface WidgetCommands extends ClientWidgetCommands {
  /** With the pre-chat answers when the channel has a form. */
  'session:start': (p: Payload<typeof SessionStartWithAnswersSchema>, ack: Ack<{ token: string; session: SessionView }>) => void;
  /** Also answers the granted and still pending permission requests, so a reload shows them again. */
  'session:resume': (p: Payload<typeof SessionResumeSchema>, ack: Ack<VisitorSessionState & { permissions: PermissionView[] }>) => void;
  /** Opens an invitation (link token or PIN): Waiting becomes Active (S-5). */
  'session:join': (p: Payload<typeof SessionJoinSchema>, ack: Ack<VisitorJoined>) => void;
  /** The 9-digit code to read out to a technician; the same page gets the same code (S-6). */
  'sos:code': (p: Payload<typeof SosCodeSchema>, ack: Ack<{ code: string; session: SessionView; token: string }>) => void;
  'message:send': (p: Payload<typeof MessageSendSchema>, ack: Ack<MessageView>) => void;
  'messages:sync': (p: Payload<typeof MessagesSyncSchema>, ack: Ack<MessageView[]>) => void;
  'permission:answer': (p: Payload<typeof PermissionAnswerSchema>, ack: Ack<PermissionView>) => void;
  'permission:revoke': (p: Payload<typeof PermissionRevokeSchema>, ack: Ack<PermissionView | null>) => void;
  'typing:set': (p: Payload<typeof TypingSetSchema>, ack: Ack<null>) => void;
  'messages:seen': (p: Payload<typeof MessagesSeenSchema>, ack: Ack<null>) => void;
  /** The channel's pre-chat form and whether it is offline now (O-1). */
  'channel:profile': (p: Payload<typeof ChannelProfileAskSchema>, ack: Ack<ChannelPublicProfile>) => void;
  /** Leaves a message while the channel is offline (O-2); answers its id. */
  'offline:leave': (p: Payload<typeof OfflineLeaveSchema>, ack: Ack<{ id: string }>) => void;
  /** One part of a batch of recorded events; relayed only while `view` is granted (C-2). */
  'cobrowse:events': (p: Payload<typeof CobrowseFrameSchema>, ack: Ack<null>) => void;
  /** Mails a link that continues this conversation on another device (P-1). */
  'conversation:email-link': (p: Payload<typeof ConversationLinkAskSchema>, ack: Ack<{ sentTo: string; expiresAt: number }>) => void;
  /** Redeems such a link: answers a visitor token for the conversation's visitor (P-2). */
  'conversation:pick-up': (p: Payload<typeof ConversationPickUpSchema>, ack: Ack<{ token: string }>) => void;
}

/** Events the server sends to the widget. */
export interface WidgetFacts {
  'message:created': (message: MessageView) => void;
  'session:updated': (session: SessionView) => void;
  /** A technician asks for a capability; the widget prompts the visitor (G-1). */
  'permission:requested': (permission: PermissionView) => void;
  'permission:updated': (permission: PermissionView) => void;
  /** The owner disconnected the visitor but kept the session: the widget stops reconnecting. */
  'session:disconnected': (info: { sessionId: string; message: string }) => void;
  /** A technician is typing (or stopped); `who` is always a technician here. */
  'typing:changed': (typing: TypingView) => void;
  'receipt:updated': (receipt: ReceiptView) => void;
  /** A technician started watching: record a full snapshot now (C-3). */
  'cobrowse:snapshot': (info: { sessionId: string }) => void;
  /** The technician's named pointer moved (C-11). */
  'cobrowse:pointer': (pointer: CobrowsePointer) => void;
  /** Outline this element for a moment (C-11). */
  'cobrowse:highlight': (highlight: CobrowseHighlight) => void;
  /** Act on an element of the recorded page, only while `control` is granted (C-12); answer what happened. */
  'cobrowse:control': (command: Payload<typeof CobrowseControlSchema>, ack: (answer: ControlAnswer) => void) => void;
}

/** What `session:create` answers. */
export interface SessionCreated {
  session: SessionSummary;
  invitation: Invitation;
}

/** What the console's pickers may offer. */
export interface Directory {
  channels: ChannelView[];
  technicians: TechnicianRef[];
}

/** Events the console sends. */
export interface ConsoleCommands extends DeskCommands, ClientConsoleCommands {
  /** Sessions of the technician's channels and those they take part in. */
  'sessions:list': (p: Payload<typeof SessionsListSchema>, ack: Ack<SessionSummary[]>) => void;
  'session:details': (p: Payload<typeof SessionDetailsSchema>, ack: Ack<SessionDetails>) => void;
  'session:create': (p: Payload<typeof SessionCreateSchema>, ack: Ack<SessionCreated>) => void;
  /** "Connect to a user's device": join the session behind a 9-digit code. */
  'session:connect-code': (p: Payload<typeof ConnectCodeSchema>, ack: Ack<SessionSummary>) => void;
  /** take, assign, transfer, invite, remove, release, close, delete, disconnect the visitor. */
  'session:act': (p: Payload<typeof SessionActSchema>, ack: Ack<SessionSummary | null>) => void;
  'permission:request': (p: Payload<typeof PermissionRequestSchema>, ack: Ack<PermissionView>) => void;
  'directory:list': (p: Payload<typeof DirectoryListSchema>, ack: Ack<Directory>) => void;
  'message:send': (p: Payload<typeof MessageSendSchema>, ack: Ack<MessageView>) => void;
  'messages:sync': (p: Payload<typeof MessagesSyncSchema>, ack: Ack<MessageView[]>) => void;
  'session:read': (p: Payload<typeof SessionReadSchema>, ack: Ack<null>) => void;
  'session:delivered': (p: Payload<typeof SessionDeliveredSchema>, ack: Ack<null>) => void;
  /** N-1: a note only technicians see. */
  'note:send': (p: Payload<typeof NoteSendSchema>, ack: Ack<NoteView>) => void;
  'notes:sync': (p: Payload<typeof NotesSyncSchema>, ack: Ack<NoteView[]>) => void;
  'typing:set': (p: Payload<typeof TypingSetSchema>, ack: Ack<null>) => void;
  /** Start receiving the session's co-browse stream; the visitor is asked for a full snapshot (C-3). */
  'cobrowse:watch': (p: Payload<typeof CobrowseTargetSchema>, ack: Ack<CobrowseWatching>) => void;
  'cobrowse:unwatch': (p: Payload<typeof CobrowseTargetSchema>, ack: Ack<null>) => void;
  /** Ask again for a full snapshot, e.g. after parts were lost. */
  'cobrowse:snapshot': (p: Payload<typeof CobrowseTargetSchema>, ack: Ack<null>) => void;
  /** Show the technician's pointer on the visitor's page; only while watching (C-11). */
  'cobrowse:pointer': (p: Payload<typeof CobrowsePointerSchema>, ack: Ack<null>) => void;
  /** Outline an element on the visitor's page; only while watching (C-11). */
  'cobrowse:highlight': (p: Payload<typeof CobrowseHighlightSchema>, ack: Ack<null>) => void;
  /** Click, type or scroll on the visitor's page; only while watching with `control` granted (C-12). */
  'cobrowse:control': (p: Payload<typeof CobrowseControlSchema>, ack: Ack<ControlOutcome>) => void;
}

/** A session as broadcast to consoles; unread counts are each console's own to keep. */
export type SessionFact = SessionView & { channelName: string };

/** Events the server sends to the console. */
export interface ConsoleFacts extends DeskFacts, ClientConsoleFacts {
  'session:created': (session: SessionFact) => void;
  'session:updated': (session: SessionFact) => void;
  /** The session was deleted, or moved where this technician no longer sees it. */
  'session:removed': (info: { sessionId: string }) => void;
  'message:created': (message: MessageView) => void;
  'activity:created': (entry: ActivityView) => void;
  'permission:updated': (permission: PermissionView) => void;
  'presence:changed': (info: { sessionId: string; visitorOnline: boolean }) => void;
  'note:created': (note: NoteView) => void;
  'typing:changed': (typing: TypingView) => void;
  'receipt:updated': (receipt: ReceiptView) => void;
  /** One part of the visitor's stream, binary as the widget sent it (C-2); read it with `readCobrowseFrame`. */
  'cobrowse:events': (frame: Uint8Array | ArrayBuffer) => void;
  'cobrowse:stopped': (info: CobrowseStopped) => void;
}

type SchemaTable<Commands> = { [K in keyof Commands]: v.GenericSchema };

/** The payload schema of every widget command; the server refuses events not listed here. */
export const widgetCommandSchemas = {
  'session:start': SessionStartWithAnswersSchema,
  'session:resume': SessionResumeSchema,
  'session:join': SessionJoinSchema,
  'sos:code': SosCodeSchema,
  'message:send': MessageSendSchema,
  'messages:sync': MessagesSyncSchema,
  'permission:answer': PermissionAnswerSchema,
  'permission:revoke': PermissionRevokeSchema,
  'typing:set': TypingSetSchema,
  'messages:seen': MessagesSeenSchema,
  'channel:profile': ChannelProfileAskSchema,
  'offline:leave': OfflineLeaveSchema,
  'escalation:ticket': EscalationTicketSchema,
  'cobrowse:events': CobrowseFrameSchema,
  'conversation:email-link': ConversationLinkAskSchema,
  'conversation:pick-up': ConversationPickUpSchema,
} as const satisfies SchemaTable<WidgetCommands>;

/** The payload schema of every console command; the server refuses events not listed here. */
export const consoleCommandSchemas = {
  'sessions:list': SessionsListSchema,
  'session:details': SessionDetailsSchema,
  'session:create': SessionCreateSchema,
  'session:connect-code': ConnectCodeSchema,
  'session:act': SessionActSchema,
  'permission:request': PermissionRequestSchema,
  'directory:list': DirectoryListSchema,
  'message:send': MessageSendSchema,
  'messages:sync': MessagesSyncSchema,
  'session:read': SessionReadSchema,
  'session:delivered': SessionDeliveredSchema,
  'note:send': NoteSendSchema,
  'notes:sync': NotesSyncSchema,
  'typing:set': TypingSetSchema,
  ...deskCommandSchemas,
  ...clientConsoleCommandSchemas,
  'cobrowse:watch': CobrowseTargetSchema,
  'cobrowse:unwatch': CobrowseTargetSchema,
  'cobrowse:snapshot': CobrowseTargetSchema,
  'cobrowse:pointer': CobrowsePointerSchema,
  'cobrowse:highlight': CobrowseHighlightSchema,
  'cobrowse:control': CobrowseControlSchema,
} as const satisfies SchemaTable<ConsoleCommands>;

/** The payload of a command, e.g. `PayloadOf<WidgetCommands['message:send']>`. */
export type PayloadOf<F> = F extends (payload: infer P, ack: never) => void ? P : never;

/** The value a command's successful ack carries. */
export type AckValueOf<F> = F extends (payload: never, ack: Ack<infer T>) => void ? T : never;
