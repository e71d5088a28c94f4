/**
 * A fake widget socket for unit tests: records what the chat emits, answers commands from scripted
 * handlers, and lets the test push server events. No network.
 */
import type { Result } from '../../src/protocol/errors.js';
import type { WidgetHandshake } from '../../src/protocol/schemas.js';
import type { SocketFactory, WidgetSocket } from '../../src/transport/socket-factory.js';

type Handler = (payload: unknown) => Result<unknown> | undefined;
type Listener = (...args: unknown[]) => void;

/** The fake; `factory` is what the chat's `connect` property takes. */
export class FakeSocket {
  connected = false;
  readonly sent: { event: string; payload: unknown }[] = [];
  readonly handlers = new Map<string, Handler>();
  auth: WidgetHandshake | null = null;
  #listeners = new Map<string, Listener[]>();
  #waiters: { event: string; resolve: (payload: unknown) => void }[] = [];
  #authFn: (() => Promise<WidgetHandshake>) | null = null;
  /** Acks the server kept (no handler answered); socket.io fails them when the connection drops. */
  #unanswered: ((err: Error) => void)[] = [];

  readonly factory: SocketFactory = (_server, auth) => {
    this.#authFn = auth;
    return this as unknown as WidgetSocket;
  };

  on(event: string, fn: Listener): this {
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), fn]);
    return this;
  }

  timeout(): { emit: (event: string, payload: unknown, ack: (err: Error | null, r?: Result<unknown>) => void) => void } {
    return {
      emit: (event, payload, ack) => {
        this.sent.push({ event, payload });
        const waiters = this.#waiters.filter((w) => w.event === event);
        this.#waiters = this.#waiters.filter((w) => w.event !== event);
        waiters.forEach((w) => w.resolve(payload));
        const result = this.handlers.get(event)?.(payload);
        // No handler, or one that returns nothing: the ack never comes, as with a lost ack.
        if (result) queueMicrotask(() => ack(null, result));
        else this.#unanswered.push((err) => ack(err));
      },
    };
  }

  /** Resolves with the payload of the next `event` the chat emits. */
  nextEmit(event: string): Promise<unknown> {
    return new Promise((resolve) => this.#waiters.push({ event, resolve }));
  }

  /** Simulates the server accepting the connection. */
  async serverConnect(): Promise<void> {
    this.auth = this.#authFn ? await this.#authFn() : null;
    this.connected = true;
    this.#fire('connect');
  }

  /** Simulates losing the connection. */
  serverDisconnect(): void {
    this.connected = false;
    this.#failUnanswered();
    this.#fire('disconnect', 'transport close');
  }

  /** Pushes a server event (e.g. `message:created`). */
  push(event: string, payload: unknown): void {
    this.#fire(event, payload);
  }

  /** How often the chat asked to (re)connect by itself, e.g. the visitor's Reconnect button. */
  connectCalls = 0;
  /** How often the chat closed the socket on purpose, which also stops socket.io's reconnection. */
  disconnectCalls = 0;

  connect(): this {
    this.connectCalls++;
    return this;
  }

  disconnect(): this {
    this.disconnectCalls++;
    if (this.connected) {
      this.connected = false;
      this.#failUnanswered();
      this.#fire('disconnect', 'io client disconnect');
    }
    return this;
  }

  #failUnanswered(): void {
    const acks = this.#unanswered;
    this.#unanswered = [];
    for (const ack of acks) ack(new Error('socket has been disconnected'));
  }

  #fire(event: string, ...args: unknown[]): void {
    for (const fn of this.#listeners.get(event) ?? []) fn(...args);
  }
}
