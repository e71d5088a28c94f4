/**
 * Records and ports of the escalation to the support client (SPEC.md E-*): download tickets, the
 * connected client, and what the visitor allowed it to do. Storage adapters implement
 * {@link EscalationStore}, held to the same contract suite as the rest of the {@link Store}.
 */
import type {
  ClientConsoleFacts,
  ClientCapability,
  ClientOs,
  PermissionStatus,
  SupportClientFacts,
  SystemInfo,
} from '../../src/protocol/index.js';
import type { Audience } from './ports.js';

/** A single-use ticket that lets one support client into one session (E-2, E-3). */
export interface EscalationTicket {
  id: string;
  sessionId: string;
  /** Hash of the 256-bit token the download carries; the token itself is never stored. */
  tokenHash: string;
  /** Nine digits the visitor may type instead; null once used or revoked. */
  code: string | null;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
  revokedAt: number | null;
}

/** A support client connected to a session. */
export interface SupportClient {
  id: string;
  sessionId: string;
  ticketId: string;
  os: ClientOs | 'other';
  elevated: boolean;
  version: string;
  system: SystemInfo | null;
  connectedAt: number;
  endedAt: number | null;
  /** E-14: true (when read from storage) while the client may still rejoin with its resume credential. */
  resumable?: boolean;
}

/** One capability request to the support client (E-6). */
export interface ClientGrant {
  id: string;
  clientId: string;
  sessionId: string;
  capability: ClientCapability;
  status: PermissionStatus;
  requestedBy: { id: string; name: string };
  organisation: string;
  requestedAt: number;
  expiresAt: number;
  answeredAt: number | null;
}

/**
 * One file on its way between a console and a support client (E-8). Kept in storage, not process
 * memory: with several server processes, the console's chunks or the client's may reach any of them.
 */
export interface ClientTransfer {
  id: string;
  sessionId: string;
  clientId: string;
  /** `to-client`: the technician sends; `from-client`: the technician fetches. */
  direction: 'to-client' | 'from-client';
  name: string;
  /** Announced size in bytes; -1 until a fetched file's size is known. */
  size: number;
  technician: { id: string; name: string };
  /** The index the next chunk must have. */
  nextIndex: number;
  /** Bytes taken so far. */
  bytes: number;
  /** True once the last chunk was taken (a fetch may finish before its size is recorded). */
  done: boolean;
}

/**
 * A shell's output since the technician's last command, for the activity log's bounded summary
 * (E-9). Kept in storage (E-22): the output reaches the client's server process, the command lines
 * the console's, and the summary is logged when a command completes or the shell ends.
 */
export interface ShellOutputSummary {
  bytes: number;
  /** The start of the output as plain text (see `shell-log.ts`). */
  head: string;
}

/** Tickets, clients and grants in storage. Every method is atomic on its own. */
export interface EscalationStore {
  insertEscalationTicket(t: EscalationTicket): Promise<void>;
  findEscalationTicketByTokenHash(tokenHash: string): Promise<EscalationTicket | undefined>;
  /** Only live tickets have a code, so this finds unused, unrevoked ones. */
  findEscalationTicketByCode(code: string): Promise<EscalationTicket | undefined>;
  /** Marks a live ticket used and frees its code; false if it was used or revoked meanwhile. */
  useEscalationTicket(id: string, at: number): Promise<boolean>;
  /** Revokes every live ticket of a session (a new ticket replaces them). */
  revokeEscalationTickets(sessionId: string, at: number): Promise<void>;

  insertSupportClient(c: SupportClient): Promise<void>;
  findSupportClient(id: string): Promise<SupportClient | undefined>;
  /** The session's newest client that has not ended. */
  findLiveSupportClient(sessionId: string): Promise<SupportClient | undefined>;
  /** The session's newest client, ended or not. */
  findLatestSupportClient(sessionId: string): Promise<SupportClient | undefined>;
  setSupportClientSystem(id: string, system: SystemInfo): Promise<void>;
  /** Ends a live client; false if it had ended already. */
  endSupportClient(id: string, at: number): Promise<boolean>;

  insertClientGrant(g: ClientGrant): Promise<void>;
  findClientGrant(id: string): Promise<ClientGrant | undefined>;
  /** Compare-and-set on the status. */
  updateClientGrant(
    id: string,
    expected: PermissionStatus,
    next: { status: PermissionStatus; answeredAt: number | null },
  ): Promise<boolean>;
  /** A client's requests, oldest first. */
  listClientGrants(clientId: string): Promise<ClientGrant[]>;

  insertClientTransfer(t: ClientTransfer): Promise<void>;
  findClientTransfer(id: string): Promise<ClientTransfer | undefined>;
  /** Takes chunk `index` (compare-and-set on the next index, while not done); false if another got it first. */
  advanceClientTransfer(id: string, index: number, bytes: number, last: boolean): Promise<boolean>;
  /** Records a fetched file's name and size, once (while the size is unknown). */
  describeClientTransfer(id: string, name: string, size: number): Promise<void>;
  /** Removes a transfer that is done and has its size, answering it; undefined if it is not (yet), or was removed. */
  finishClientTransfer(id: string): Promise<ClientTransfer | undefined>;
  /** Removes a transfer, answering it if it was there. */
  deleteClientTransfer(id: string): Promise<ClientTransfer | undefined>;
  /** Removes every transfer of a client. */
  deleteClientTransfersOf(clientId: string): Promise<void>;

  /** Starts an empty journal for a new shell. */
  openShellJournal(j: { shellId: string; sessionId: string; clientId: string }): Promise<void>;
  /**
   * Counts output chunk `seq` of `bytes` bytes: appends `text` (plain, already cut) to the head while
   * it is shorter than `headChars`, keeping at most twice that. Only a seq above every counted one
   * counts, so a chunk sent again after a lost connection (E-15) is not counted twice; false otherwise.
   */
  addShellOutput(shellId: string, seq: number, bytes: number, text: string, headChars: number): Promise<boolean>;
  /** The output counted since the last take, and starts over (undefined: none, or no such shell). */
  takeShellOutput(shellId: string): Promise<ShellOutputSummary | undefined>;
  /** Removes a shell's journal, answering what output it still held. */
  closeShellJournal(shellId: string): Promise<ShellOutputSummary | undefined>;
  /** Removes the journals of a client's shells. */
  deleteShellJournalsOf(clientId: string): Promise<void>;
}

/** How the core reaches a support client's socket and the consoles; the socket layer implements it over rooms. */
export interface ClientRelay {
  /** Sends a support-client fact to the consoles of `audience`. */
  consoles<E extends keyof ClientConsoleFacts>(audience: Audience, event: E, payload: Parameters<ClientConsoleFacts[E]>[0]): void;
  /** Sends a fact to the client. */
  send<E extends keyof SupportClientFacts>(clientId: string, event: E, payload: Parameters<SupportClientFacts[E]>[0]): void;
  /** Sends a fact that the client answers; resolves with its answer, or a failure when it does not answer in time. */
  ask<T>(
    clientId: string,
    event: 'file:offer' | 'file:data' | 'file:fetch' | 'shell:replay',
    payload: unknown,
  ): Promise<{ ok: true; value: T } | { ok: false; message: string }>;
  /** Disconnects the client's socket without it retrying. */
  disconnect(clientId: string): void;
}
