/**
 * Chat delivery benchmark: N visitors each send one message a second for a while; one console
 * receives everything. Measures visitor → console latency (p50, p99) and the server process's CPU per
 * message, against Porthole (validation, rules, storage) or the bare socket.io relay baseline.
 */
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../src/protocol/index.js';
import { cpuMs } from './cpu.js';
import { percentile } from './stats.js';

/** A running server to measure. */
export interface Target {
  name: string;
  url: string;
  pid: number;
  /** Console sign-in cookie; the bare relay needs none. */
  cookie?: string;
}

/** The figures of one run. */
export interface ChatRun {
  target: string;
  conversations: number;
  sent: number;
  delivered: number;
  p50: number;
  p99: number;
  cpuMsPerMessage: number;
}

const connect = (url: string, opts: Parameters<typeof io>[1]) =>
  new Promise<Socket>((resolve, reject) => {
    const s = io(url, { transports: ['websocket'], reconnection: false, ...opts });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });

const ask = <T>(s: Socket, event: string, payload: unknown) =>
  new Promise<T>((resolve, reject) => {
    s.timeout(30_000).emit(event, payload, (err: Error | null, r: { ok: boolean; value: T; message?: string }) =>
      err ? reject(err) : r.ok ? resolve(r.value) : reject(new Error(r.message)),
    );
  });

/** Runs one scenario: `conversations` visitors for `seconds`, one message a second each. */
export async function runChat(target: Target, conversations: number, seconds: number): Promise<ChatRun> {
  const consoleSocket = await connect(`${target.url}/console`, {
    auth: { protocol: PROTOCOL_VERSION },
    extraHeaders: target.cookie ? { cookie: target.cookie } : {},
  });
  const visitors: { socket: Socket; sessionId: string }[] = [];
  for (let i = 0; i < conversations; i += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, conversations - i) }, async () => {
        const socket = await connect(`${target.url}/widget`, { auth: { protocol: PROTOCOL_VERSION, channel: 'demo' } });
        const { session } = await ask<{ session: { id: string } }>(socket, 'session:start', {});
        return { socket, sessionId: session.id };
      }),
    );
    visitors.push(...batch);
  }

  const latencies: number[] = [];
  const prefix = `bench-${Date.now()}-`;
  consoleSocket.on('message:created', (m: { text: string }) => {
    if (m.text.startsWith(prefix)) latencies.push(performance.now() - Number(m.text.slice(prefix.length)));
  });

  let sent = 0;
  const cpuBefore = cpuMs(target.pid);
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    visitors.map(async (v, i) => {
      // Spread the visitors over the second so load is steady, as real traffic would be.
      await new Promise((r) => setTimeout(r, (i / visitors.length) * 1000));
      let n = 0;
      while (performance.now() < end) {
        const next = performance.now() + 1000;
        sent++;
        await ask(v.socket, 'message:send', {
          sessionId: v.sessionId,
          clientId: `c${i}x${n++}xxxxxxxx`,
          text: `${prefix}${performance.now()}`,
        });
        const wait = next - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
    }),
  );
  const cpuAfter = cpuMs(target.pid);
  for (const v of visitors) v.socket.disconnect();
  consoleSocket.disconnect();
  return {
    target: target.name,
    conversations,
    sent,
    delivered: latencies.length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    cpuMsPerMessage: (cpuAfter - cpuBefore) / Math.max(1, sent),
  };
}
