/**
 * The commands the session view may send, as an interface so components receive them from the
 * workspace (the live controller) or from a test (a fake) without knowing about sockets.
 */
import type { Capability, Directory, MailView, PermissionView, Result, SessionAction } from '../../../src/protocol/index.js';

/** Commands of the open session; each resolves with the server's `Result`. */
export interface SessionCommands {
  /** Sends a chat reply, with an uploaded file when `attachmentId` is given (SPEC.md F-4). */
  send(sessionId: string, text: string, attachmentId?: string): Promise<Result<unknown>>;
  /** Sends a technician-only note (N-1). */
  sendNote(sessionId: string, text: string): Promise<Result<unknown>>;
  /** Sends a failed reply or note again, with its client id. */
  retry(clientId: string): Promise<Result<unknown>>;
  /** Gives up a failed reply or note. */
  discard(clientId: string): void;
  /** The reply box changed (Y-1): `hasText` is whether anything is typed. */
  typing(sessionId: string, hasText: boolean): void;
  /** One action of the actions bar (take, transfer, close, ...). */
  act(sessionId: string, action: SessionAction): Promise<Result<unknown>>;
  /** Asks the visitor for a capability. */
  requestPermission(sessionId: string, capability: Capability): Promise<Result<PermissionView>>;
  /** Emails the session's invitation to the customer through the desk (K-12). */
  inviteByEmail(sessionId: string, to: string, subject: string, text: string): Promise<Result<MailView>>;
  /** Channels and technicians the pickers offer. */
  directory(): Promise<Result<Directory>>;
}

const notReady = () => Promise.resolve({ ok: false, error: 'internal', message: 'Not connected yet.' } as const);

/** Commands that answer "not connected", until the workspace provides the real ones. */
export const offlineCommands: SessionCommands = {
  send: notReady,
  sendNote: notReady,
  retry: notReady,
  discard: () => undefined,
  typing: () => undefined,
  act: notReady,
  requestPermission: notReady,
  inviteByEmail: notReady,
  directory: notReady,
};
