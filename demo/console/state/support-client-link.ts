/**
 * The console's line to the support clients of its sessions (E-5..E-8): support-client commands
 * over the console socket, and its `client:*` facts fanned out to the components that show them.
 * One per page; `ConsoleController` attaches its socket, so the components need no prop chain.
 */
import type { Socket } from 'socket.io-client';
import {
  CLIENT_LIMITS,
  fail,
  type AckValueOf,
  type ClientConsoleCommands,
  type ClientConsoleFacts,
  type PayloadOf,
  type Result,
} from '../../../src/protocol/index.js';
import { ask } from '../../../src/transport/ask.js';

type Facts = ClientConsoleFacts;
type Listener<E extends keyof Facts> = Parameters<Facts[E]>[0] extends infer P ? (payload: P) => void : never;

/** Commands and facts of the support clients. */
export class SupportClientLink {
  #socket: Socket | null = null;
  readonly #listeners = new Map<keyof Facts, Set<(p: unknown) => void>>();
  readonly #connected = new Set<() => void>();

  /** Binds the console socket; facts flow to the listeners from then on. */
  attach(socket: Socket): void {
    this.#socket = socket;
    for (const event of [
      'client:updated',
      'client:shell-output',
      'client:shell-exited',
      'client:file-chunk',
      'client:file-failed',
      'device:updated',
      'device:removed',
    ] as const) {
      socket.on(event, (p: unknown) => this.#listeners.get(event)?.forEach((l) => l(p)));
    }
    socket.on('connect', () => this.#connected.forEach((l) => l()));
  }

  /** Called each time the console's socket (re)connects (E-15: a terminal then asks for what it missed). */
  onConnect(listener: () => void): () => void {
    this.#connected.add(listener);
    return () => this.#connected.delete(listener);
  }

  /** Forgets the socket. */
  detach(): void {
    this.#socket = null;
  }

  /** Sends a support-client command and resolves with its ack. */
  ask<E extends keyof ClientConsoleCommands>(
    event: E,
    payload: PayloadOf<ClientConsoleCommands[E]>,
  ): Promise<Result<AckValueOf<ClientConsoleCommands[E]>>> {
    if (!this.#socket) return Promise.resolve(fail('internal', 'Not connected to the server.'));
    return ask<ClientConsoleCommands, E>(this.#socket, event, payload);
  }

  /** Listens to a fact; returns the function that stops listening. */
  on<E extends keyof Facts>(event: E, listener: Listener<E>): () => void {
    const set = this.#listeners.get(event) ?? new Set();
    set.add(listener);
    this.#listeners.set(event, set);
    return () => set.delete(listener);
  }
}

/** The page's link. */
export const supportClientLink = new SupportClientLink();

/** Bytes as text, e.g. "1.2 MB". */
export function sizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Base64 of a byte range (chunks are at most {@link CLIENT_LIMITS.chunkBytes}, so spreading is safe). */
export function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

/** Bytes of a base64 chunk. */
export function fromBase64(data: string): Uint8Array {
  const raw = atob(data);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

/** A file cut into protocol-sized chunks (at least one). */
export function* fileChunks(bytes: Uint8Array): Generator<{ index: number; data: string; last: boolean }> {
  const size = CLIENT_LIMITS.chunkBytes;
  const count = Math.max(1, Math.ceil(bytes.length / size));
  for (let i = 0; i < count; i++) yield { index: i, data: toBase64(bytes.subarray(i * size, (i + 1) * size)), last: i === count - 1 };
}
