/**
 * Join benchmark: a technician creates a session ("New session"), a fresh visitor connects and types
 * the PIN; measured from the visitor's connect to the console hearing the session is Active.
 */
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../src/protocol/index.js';
import { percentile } from './stats.js';

const connect = (url: string, opts: Parameters<typeof io>[1]) =>
  new Promise<Socket>((resolve, reject) => {
    const s = io(url, { transports: ['websocket'], reconnection: false, ...opts });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });

const ask = <T>(s: Socket, event: string, payload: unknown) =>
  new Promise<T>((resolve, reject) => {
    s.timeout(10_000).emit(event, payload, (err: Error | null, r: { ok: boolean; value: T; message?: string }) =>
      err ? reject(err) : r.ok ? resolve(r.value) : reject(new Error(r.message)),
    );
  });

/** Runs `count` joins one after the other; answers p50 and p99 in milliseconds. */
export async function runJoins(url: string, cookie: string, count: number): Promise<{ p50: number; p99: number }> {
  const tech = await connect(`${url}/console`, { auth: { protocol: PROTOCOL_VERSION }, extraHeaders: { cookie } });
  const { channels } = await ask<{ channels: { id: string }[] }>(tech, 'directory:list', {});
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const created = await ask<{ session: { id: string }; invitation: { pin: string } }>(tech, 'session:create', {
      channelId: channels[0].id,
    });
    const active = new Promise<void>((resolve) => {
      const on = (s: { id: string; status: string }) => {
        if (s.id === created.session.id && s.status === 'active') {
          tech.off('session:updated', on);
          resolve();
        }
      };
      tech.on('session:updated', on);
    });
    const started = performance.now();
    const visitor = await connect(`${url}/widget`, { auth: { protocol: PROTOCOL_VERSION, channel: 'demo' } });
    await ask(visitor, 'session:join', { pin: created.invitation.pin });
    await active;
    times.push(performance.now() - started);
    visitor.disconnect();
    await ask(tech, 'session:act', { sessionId: created.session.id, action: { type: 'close' } });
  }
  tech.disconnect();
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}
