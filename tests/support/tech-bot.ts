/**
 * A technician for crash and load tests: a Node socket.io client on `/console` that follows one
 * session and answers every visitor message once. It keeps the delivery rules a real client must
 * (SPEC.md M-1, M-2): replies go one at a time, in order, each retried with its client id until
 * acked; after every reconnect it catches up from its last seq without a gap. A reply's client id
 * is derived from the visitor message it answers, so however often the bot sees that message, the
 * reply is one message. It can lose acks at random, as if they never arrived.
 *
 * The console page would do for a few messages; for a thousand, driving its UI is slow and it
 * does not retry a failed send by itself, so crash tests use this bot.
 */
import { io, type Socket } from 'socket.io-client';
import {
  NAMESPACES,
  PROTOCOL_VERSION,
  type ConsoleCommands,
  type ConsoleFacts,
  type MessageView,
  type Result,
} from '../../src/protocol/index.js';
import { AUTH_COOKIE } from '../../server/transport/http/auth-cookie.js';

type ConsoleSocket = Socket<ConsoleFacts, ConsoleCommands>;
type Raw = { timeout(ms: number): { emit(event: string, payload: unknown, ack: (err: Error | null, r: Result<unknown>) => void): void } };

/** What the bot needs to know. */
export interface TechBotOptions {
  url: string;
  /** `Cookie` header value of a signed-in technician (see {@link signInCookie}). */
  cookie: string;
  sessionId: string;
  /** Share of acks (0 to 1) to throw away as if lost; the bot then sends again, as after a timeout. */
  loseAcks?: number;
}

/** How long the bot waits for an ack on a live connection before it sends again. */
const ACK_TIMEOUT_MS = 5000;
/** How long the bot waits after `rate_limited` before it sends again. */
const RATE_LIMIT_BACKOFF_MS = 250;

/** The client id of the reply to the visitor message `clientId`. */
export const replyId = (clientId: string) => `re-${clientId}`.slice(0, 64);

/** Signs in over HTTP and returns the `Cookie` header value for the console namespace. */
export async function signInCookie(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${AUTH_COOKIE}=`));
  if (!res.ok || !cookie) throw new Error(`Sign-in failed (${res.status}): ${await res.text()}`);
  return cookie.split(';')[0];
}

/** The bot; {@link TechBot.start} connects it. */
export class TechBot {
  /** Messages of the session the bot has, by seq. */
  readonly bySeq = new Map<number, MessageView>();
  /** Acks thrown away, and sends attempted (retries included). */
  readonly counts = { lostAcks: 0, sends: 0, reconnects: 0 };
  readonly #socket: ConsoleSocket;
  readonly #queue: { clientId: string; text: string }[] = [];
  /** Visitor client ids whose reply is queued or stored. */
  readonly #answered = new Set<string>();
  #sending = false;
  readonly #watchers = new Set<() => void>();
  /** Set when the server refused a reply: the test fails with it instead of waiting. */
  #failure: Error | null = null;

  private constructor(private readonly opts: TechBotOptions) {
    this.#socket = io(`${opts.url}${NAMESPACES.console}`, {
      auth: { protocol: PROTOCOL_VERSION },
      extraHeaders: { cookie: opts.cookie },
      forceNew: true,
      transports: ['websocket'],
      // Back quickly after a server restart; the widget keeps its own, slower, schedule.
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
    });
    this.#socket.on('connect', () => void this.#onConnect());
    this.#socket.on('message:created', (m) => {
      if (m.sessionId === opts.sessionId) this.#take([m]);
    });
  }

  /** Connects a bot and resolves once it is online. */
  static async start(opts: TechBotOptions): Promise<TechBot> {
    const bot = new TechBot(opts);
    await new Promise<void>((resolve, reject) => {
      bot.#socket.once('connect', () => resolve());
      bot.#socket.once('connect_error', reject);
    });
    return bot;
  }

  /** The messages the bot holds, in seq order. */
  messages(): MessageView[] {
    return [...this.bySeq.values()].sort((a, b) => a.seq - b.seq);
  }

  /** Replies waiting to be confirmed. */
  get unsent(): number {
    return this.#queue.length;
  }

  /** Resolves once `done()` holds, checked after every change; rejects after `timeoutMs`. */
  until(done: (bot: TechBot) => boolean, what: string, timeoutMs = 60_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const finish = (error?: Error) => {
        clearTimeout(timer);
        this.#watchers.delete(check);
        if (error) reject(error);
        else resolve();
      };
      const check = () => {
        if (this.#failure) finish(this.#failure);
        else if (done(this)) finish();
      };
      const timer = setTimeout(() => finish(new Error(`Technician bot: no "${what}" within ${timeoutMs} ms.`)), timeoutMs);
      this.#watchers.add(check);
      check();
    });
  }

  /** Disconnects for good. */
  close(): void {
    this.#socket.disconnect();
  }

  async #onConnect(): Promise<void> {
    if (this.bySeq.size > 0) this.counts.reconnects++;
    // Facts sent while the bot was away are gone: page through what it missed, from the first gap.
    while (this.#socket.connected) {
      const r = await this.#ask('messages:sync', { sessionId: this.opts.sessionId, afterSeq: this.#contiguousSeq() });
      if (!r || !r.ok) continue; // lost: ask again (a dropped connection ends the loop)
      const missed = r.value as MessageView[];
      if (missed.length === 0) break;
      this.#take(missed);
    }
    void this.#pump();
  }

  #take(messages: readonly MessageView[]): void {
    for (const m of messages) {
      this.bySeq.set(m.seq, m);
      const answers = m.clientId.startsWith('re-') ? m.clientId.slice(3) : null;
      if (answers) this.#answered.add(answers);
      if (m.author.kind === 'visitor' && !this.#answered.has(m.clientId)) {
        this.#answered.add(m.clientId);
        this.#queue.push({ clientId: replyId(m.clientId), text: `re: ${m.text}` });
      }
    }
    for (const check of [...this.#watchers]) check();
    void this.#pump();
  }

  /** Sends queued replies one at a time until each is acked. */
  async #pump(): Promise<void> {
    if (this.#sending) return;
    this.#sending = true;
    try {
      while (this.#socket.connected && this.#queue.length > 0) {
        const next = this.#queue[0];
        this.counts.sends++;
        const r = await this.#ask('message:send', { sessionId: this.opts.sessionId, ...next });
        // Lost, timed out or failed on the server's side: the same client id again (or after the reconnect).
        if (!r || (!r.ok && r.error === 'internal')) continue;
        // Too fast for the server's flood limit: back off, as a client should, then the same id again.
        if (!r.ok && r.error === 'rate_limited') {
          await new Promise((resolve) => setTimeout(resolve, RATE_LIMIT_BACKOFF_MS));
          continue;
        }
        if (!r.ok) {
          this.#failure = new Error(`Technician bot: reply refused: ${r.error} ${r.message}`);
          for (const check of [...this.#watchers]) check();
          return;
        }
        this.#queue.shift();
        this.#take([r.value as MessageView]);
      }
    } finally {
      this.#sending = false;
    }
  }

  /** A command's ack, or null when it was lost, timed out or the connection dropped. */
  #ask(event: 'message:send' | 'messages:sync', payload: unknown): Promise<Result<unknown> | null> {
    if (!this.#socket.connected) return Promise.resolve(null);
    return new Promise((resolve) => {
      (this.#socket as unknown as Raw).timeout(ACK_TIMEOUT_MS).emit(event, payload, (err, r) => {
        if (err) return resolve(null);
        if (Math.random() < (this.opts.loseAcks ?? 0)) {
          this.counts.lostAcks++;
          return resolve(null);
        }
        resolve(r);
      });
    });
  }

  #contiguousSeq(): number {
    let seq = 0;
    while (this.bySeq.has(seq + 1)) seq++;
    return seq;
  }
}
