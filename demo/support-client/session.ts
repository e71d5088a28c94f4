/**
 * One support-client session: connect to the `/support-client` namespace, redeem the ticket or code,
 * and serve the technician only what the visitor allows in this terminal, each capability asked
 * separately with a 30-second window (E-5). The server checks every event too (E-7); this side
 * refuses anything it did not hear the visitor allow, so neither side trusts the other alone.
 */
import { io, type Socket } from 'socket.io-client';
import {
  ANSWER_WINDOW_MS,
  NAMESPACES,
  PROTOCOL_VERSION,
  type ClientCapability,
  type ClientGrantView,
  type ClientRedeemed,
  type ClientReply,
  type Result,
  type SupportClientCommands,
  type SupportClientFacts,
} from '../../src/protocol/index.js';
import { restartElevated } from './elevation.js';
import { chunksOf, FileReceiver, openForSending } from './files.js';
import { systemInfo } from './machine.js';
import { loadPty } from './shell.js';
import { ShellHost } from './shell-host.js';
import type { Terminal } from './terminal.js';

/** The client's socket on the `/support-client` namespace. */
export type ClientSocket = Socket<SupportClientFacts, SupportClientCommands>;

/** Opens the namespace; a lost connection is retried with backoff, from half a second up to 5 s. */
export function openSocket(server: string): ClientSocket {
  return io(`${server}${NAMESPACES.supportClient}`, {
    auth: { protocol: PROTOCOL_VERSION },
    transports: ['websocket'],
    reconnection: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5_000,
    randomizationFactor: 0.5,
  });
}

/** Sends a command and resolves with its ack, or a failure when the server does not answer in 15 s. */
export function askServer<E extends keyof SupportClientCommands>(
  socket: ClientSocket,
  event: E,
  payload: Parameters<SupportClientCommands[E]>[0],
): Promise<Parameters<Parameters<SupportClientCommands[E]>[1]>[0]> {
  type T = Parameters<Parameters<SupportClientCommands[E]>[1]>[0];
  return new Promise<T>((resolve) => {
    (socket.timeout(15_000).emit as (...a: unknown[]) => void)(event, payload, (err: Error | null, r: T) =>
      resolve(err ? ({ ok: false, error: 'internal', message: 'The server did not answer.' } as T) : r),
    );
  });
}

/** The visitor's answer window, as the server counts it (G-2, E-5): the protocol's one value. */
export const ANSWER_MS = ANSWER_WINDOW_MS;

const ASKS: Record<ClientCapability, string> = {
  shell: 'open a command shell on this computer (they can run any command your account can)',
  files: 'send files to this computer and copy files from it',
  system: 'read this computer’s system information (name, user, OS version, memory)',
};

/** How the session was set up. */
export interface SessionSetup {
  server: string;
  terminal: Terminal;
  filesDir: string;
  elevated: boolean;
  os: 'windows' | 'macos' | 'linux' | 'other';
  usePty: boolean;
  version: string;
  /** U-5: serve unattended connections on this (service-mode) socket instead of a visitor's own. */
  unattended?: { socket: ClientSocket };
}

/** A connected support client. */
export class SupportSession {
  readonly #socket: ClientSocket;
  readonly #granted = new Set<ClientCapability>();
  readonly #shells: ShellHost;
  readonly #files: FileReceiver;
  readonly #done: Promise<string>;
  #finish: (reason: string) => void = () => undefined;
  /** E-14: how to rejoin after a lost connection, once redeemed. */
  #resume: { clientId: string; resume: string } | null = null;
  #bound = false;
  #ended = false;
  #ptyUsed = false;
  /** The elevated copy that replaces this one, once started (E-13). */
  successor: Promise<number | null> | null = null;

  constructor(private readonly setup: SessionSetup) {
    // A ticket works once; after a lost connection the client rejoins with its resume credential (E-14).
    this.#socket = setup.unattended?.socket ?? openSocket(setup.server);
    this.#files = new FileReceiver(setup.filesDir);
    this.#shells = new ShellHost({
      output: (p) => this.#ask('shell:output', p),
      exited: (p) => this.#ask('shell:exited', p),
      say: (t) => setup.terminal.say(t),
    });
    this.#done = new Promise((resolve) => (this.#finish = resolve));
  }

  /** Resolves once connected; rejects with the server's refusal. */
  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#socket.once('connect', () => resolve());
      this.#socket.once('connect_error', (e: Error & { data?: { message?: string } }) => reject(new Error(e.data?.message ?? e.message)));
    });
  }

  /** Redeems a token or a code; binds the handlers once the server accepted it. */
  async redeem(secret: { token: string } | { code: string }): Promise<Result<ClientRedeemed>> {
    const r = await this.#ask('client:redeem', {
      secret,
      client: { os: this.setup.os, elevated: this.setup.elevated, version: this.setup.version },
    });
    if (r.ok) {
      this.#resume = { clientId: r.value.clientId, resume: r.value.resume };
      this.#bind();
    }
    return r;
  }

  /** U-5: serves a member's unattended connection with the channel's capabilities; nobody is asked. */
  serve(capabilities: readonly ClientCapability[]): void {
    this.#granted.clear();
    for (const c of capabilities) this.#granted.add(c);
    this.#bind();
  }

  /** U-6: the unattended connection ended; the device stays registered for the next one. */
  async #endConnection(message: string): Promise<void> {
    this.#granted.clear();
    this.#stopWork();
    await this.#files.abortAll();
    this.setup.terminal.say(`${message} Waiting for the next connection.`);
  }

  #stopWork(): void {
    this.#shells.killAll();
  }

  /** E-10: ends the support client; the chat in the browser goes on. */
  async end(reason = 'You ended the support session.'): Promise<void> {
    if (this.#ended) return;
    this.#ended = true;
    this.#stopWork();
    await this.#files.abortAll();
    if (this.#socket.connected) await this.#ask('client:end', {});
    this.#socket.disconnect();
    this.setup.terminal.say(`\n${reason} The technician can no longer reach this computer.`);
    this.#finish(reason);
  }

  /** Resolves when the support session is over: ended here, by the server, or not rejoined. */
  closed(): Promise<string> {
    return this.#done;
  }

  /** E-14: after a lost connection, rejoin with the resume credential; a refusal ends the client. */
  async #rejoin(): Promise<void> {
    if (!this.#resume || this.#ended) return;
    const r = await this.#ask('client:resume', this.#resume);
    if (r.ok) {
      this.#granted.clear();
      for (const c of r.value.granted) this.#granted.add(c);
      this.setup.terminal.say('Rejoined the support session.');
      // E-15: the shells kept over the drop go on, if the visitor still allows them.
      this.#shells.online(r.value.granted);
      return;
    }
    this.setup.terminal.say(`Could not rejoin: ${r.message}`);
    this.#ended = true;
    this.#socket.disconnect();
    this.#finish('not rejoined');
  }

  #bind(): void {
    if (this.#bound) return;
    this.#bound = true;
    const s = this.#socket;
    const say = (t: string) => this.setup.terminal.say(t);
    s.on('disconnect', (reason) => {
      // U-6: an unattended connection ends with the device's connection, and its shells with it.
      if (this.setup.unattended) return this.#stopWork();
      // socket.io retries by itself except when either side closed the connection on purpose.
      if (this.#ended || reason === 'io server disconnect' || reason === 'io client disconnect') {
        this.#stopWork();
        this.#ended = true;
        this.#finish(reason);
        return;
      }
      say('The connection to the server was lost; trying to rejoin…');
      // E-15: the shells outlive a short drop; their output waits in a bounded buffer.
      this.#shells.offline(Date.now());
    });
    if (!this.setup.unattended) s.on('connect', () => void this.#rejoin());
    s.on('grant:requested', (g) => void this.#consent(g));
    s.on('grant:updated', (g) => {
      if (g.status === 'granted') return;
      this.#granted.delete(g.capability);
      if (g.capability === 'shell') this.#shells.end('not_allowed');
    });
    s.on('client:ended', ({ message }) => void (this.setup.unattended ? this.#endConnection(message) : this.end(message)));
    s.on('shell:open', (p) => void this.#openShell(p.shellId, p.cols, p.rows));
    s.on('shell:input', (p) => this.#shells.write(p.shellId, p.data));
    s.on('shell:resize', (p) => this.#shells.resize(p.shellId, p.cols, p.rows));
    s.on('shell:replay', (p, ack) =>
      ack({ ok: true, value: { alive: this.#granted.has('shell') && this.#shells.replay(p.shellId, p.afterSeq) } }),
    );
    s.on('file:offer', (p, ack) => {
      if (!this.#granted.has('files')) return ack({ ok: false, message: 'File transfer was not allowed.' });
      this.#files.offer(p).then(
        (r) => {
          if (r.ok) say(`Receiving ${p.name} (${p.size} bytes) from the technician…`);
          ack(r.ok ? { ok: true, value: null } : r);
        },
        (e: Error) => ack({ ok: false, message: e.message }),
      );
    });
    s.on('file:data', (p, ack) => {
      if (!this.#granted.has('files')) return ack({ ok: false, message: 'File transfer was not allowed.' });
      this.#files.data(p).then(
        (r) => {
          if (r.ok && r.value) say(`Saved ${r.value}`);
          ack(r.ok ? { ok: true, value: null } : r);
        },
        (e: Error) => ack({ ok: false, message: e.message }),
      );
    });
    s.on('file:fetch', (p, ack) => void this.#send(p.transferId, p.path, ack));
    s.on('elevation:requested', (p) => void this.#elevate(p.requestedBy.name, p.organisation, p.token));
  }

  /** E-13: asks the visitor to restart with administrator rights; on Yes starts the elevated copy. */
  async #elevate(name: string, organisation: string, token: string): Promise<void> {
    const yes = await this.setup.terminal.confirm(
      `${name} from ${organisation} asks you to restart the support client with administrator rights (your system will ask for an administrator password or confirmation).`,
      ANSWER_MS,
    );
    await this.#ask('elevation:answer', { allow: yes });
    if (!yes) {
      this.setup.terminal.say('Declined: the support client keeps running without administrator rights.');
      return;
    }
    this.setup.terminal.say('Restarting with administrator rights…');
    const child = restartElevated(this.setup.server, token);
    this.successor = new Promise((resolve) => {
      child.once('exit', (code) => resolve(code));
      child.once('error', (e) => {
        this.setup.terminal.say(`Could not restart elevated: ${e.message}`);
        resolve(null);
      });
    });
  }

  /** E-5: asks the visitor; silence for 30 s is a Deny. */
  async #consent(g: ClientGrantView): Promise<void> {
    const allow = await this.setup.terminal.confirm(
      `${g.requestedBy.name} from ${g.organisation} asks to ${ASKS[g.capability]}.`,
      ANSWER_MS,
    );
    const r = await this.#ask('grant:answer', { grantId: g.id, allow });
    if (r.ok && r.value.status === 'granted') {
      this.#granted.add(g.capability);
      this.setup.terminal.say(`Allowed. Type "end" and Enter at any time to stop.`);
      if (g.capability === 'system') {
        const pty = this.#ptyUsed || (this.setup.usePty && (await loadPty()) !== null);
        await this.#ask('system:report', systemInfo(pty, this.setup.elevated));
      }
    } else this.setup.terminal.say(r.ok ? 'Refused.' : `Not recorded: ${r.message}`);
  }

  async #openShell(shellId: string, cols: number, rows: number): Promise<void> {
    if (!this.#granted.has('shell')) return;
    const pty = await this.#shells.open(shellId, cols, rows, this.setup.usePty);
    this.#ptyUsed = pty;
    this.setup.terminal.say(`The technician opened a command shell${pty ? '' : ' (plain pipe: no PTY here)'}.`);
  }

  async #send(transferId: string, requested: string, ack: (r: ClientReply<{ name: string; size: number }>) => void): Promise<void> {
    if (!this.#granted.has('files')) return ack({ ok: false, message: 'File transfer was not allowed.' });
    const found = await openForSending(requested);
    if (!found.ok) return ack(found);
    ack({ ok: true, value: { name: found.value.name, size: found.value.size } });
    this.setup.terminal.say(`Sending ${found.value.file} (${found.value.size} bytes) to the technician…`);
    try {
      for await (const chunk of chunksOf(found.value.file)) {
        const r = await this.#ask('file:chunk', { transferId, ...chunk });
        if (!r.ok) throw new Error(r.message);
      }
      this.setup.terminal.say(`Sent ${found.value.name}.`);
    } catch (e) {
      await this.#ask('file:failed', { transferId, message: (e as Error).message.slice(0, 300) });
    }
  }

  #ask<E extends keyof SupportClientCommands>(event: E, payload: Parameters<SupportClientCommands[E]>[0]) {
    return askServer(this.#socket, event, payload);
  }
}
