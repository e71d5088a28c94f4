/**
 * The domain records the core works on. Storage adapters read and write exactly these shapes; the
 * wire views in `src/protocol/views.ts` are derived from them by `views.ts`.
 */
import type { MessageAuthor, SessionStatus } from '../../src/protocol/index.js';

/** A technician's account. */
export interface Technician {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'technician';
  passwordHash: string;
  createdAt: number;
}

/** A channel groups sessions; the widget names it by its public `key`. */
export interface Channel {
  id: string;
  key: string;
  name: string;
  createdAt: number;
}

/** A browser that asked for help, known by the hash of its bearer token. */
export interface Visitor {
  id: string;
  channelId: string;
  tokenHash: string;
  createdAt: number;
}

/** A support session: one visitor, its chat, and the technicians helping. */
export interface Session {
  id: string;
  channelId: string;
  visitorId: string | null;
  status: SessionStatus;
  ownerId: string | null;
  lastSeq: number;
  createdAt: number;
  updatedAt: number;
}

/** A stored chat message. */
export interface Message {
  id: string;
  sessionId: string;
  seq: number;
  clientId: string;
  author: MessageAuthor;
  text: string;
  createdAt: number;
}

/** A signed-in console session of a technician (the cookie holds the token, storage its hash). */
export interface AuthSession {
  tokenHash: string;
  technicianId: string;
  createdAt: number;
  expiresAt: number;
}
