/**
 * Technicians for a bench run, made over the real server's HTTP routes as an admin would: T-6 lets
 * one technician own at most {@link MAX_ACTIVE_SESSIONS} active sessions, so a run of 50 sessions
 * needs five of them, and sessions other runs left open (joins, the stream run) must not count.
 */
import { MAX_ACTIVE_SESSIONS } from '../../server/core/session-rules.js';
import type { ChannelFields, ChannelView, TechnicianView } from '../../src/protocol/index.js';
import type { ServerProcess } from '../support/server-process.js';

export { MAX_ACTIVE_SESSIONS };

/** Signs in over `POST /api/auth/login`; the `Cookie` header value. */
export async function login(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const cookie = res.headers.get('set-cookie');
  if (!res.ok || !cookie) throw new Error(`login failed: ${res.status}`);
  return cookie.split(';')[0];
}

async function call<T>(url: string, cookie: string, method: 'GET' | 'POST' | 'PUT', body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const answer = (await res.json()) as { ok: true; value: T } | { ok: false; error: string; message: string };
  if (!answer.ok) throw new Error(`${method} ${url}: ${answer.error}: ${answer.message}`);
  return answer.value;
}

let made = 0;

/** `count` new technicians, members of the `demo` channel, each signed in: their cookies. */
export async function makeTechnicians(server: ServerProcess, count: number): Promise<string[]> {
  const admin = await login(server.url, server.adminEmail, server.adminPassword);
  const people = [];
  for (let i = 0; i < count; i++) {
    made += 1;
    const email = `bench-${made}-${Date.now()}@bench.local`;
    const password = `bench-password-${made}`;
    const view = await call<TechnicianView>(`${server.url}/api/technicians`, admin, 'POST', {
      email,
      name: `Bench ${made}`,
      password,
      role: 'technician',
    });
    people.push({ id: view.id, email, password });
  }
  const channels = await call<ChannelView[]>(`${server.url}/api/channels`, admin, 'GET');
  const demo = channels.find((c) => c.key === 'demo');
  if (!demo) throw new Error('no demo channel');
  const fields: ChannelFields = {
    name: demo.name,
    expirationMinutes: demo.expirationMinutes,
    allowedOrigins: demo.allowedOrigins,
    siteUrl: demo.siteUrl,
    downloadLinks: demo.downloadLinks,
    memberIds: [...demo.members.map((m) => m.id), ...people.map((p) => p.id)],
  };
  await call<ChannelView>(`${server.url}/api/channels/${demo.id}`, admin, 'PUT', fields);
  return Promise.all(people.map((p) => login(server.url, p.email, p.password)));
}
