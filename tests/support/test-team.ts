/**
 * Technicians, channels and sessions arranged the way a real admin and technician would: through
 * the admin HTTP routes and the console socket, so transport tests exercise the real paths.
 *
 * @example
 * const admin = await server.login();
 * const bob = await createTechnician(server, admin, { name: 'Bob' });
 * await setMembers(server, admin, await channelIdOf(server, 'demo'), [await adminIdOf(server), bob.id]);
 */
import type { ChannelCreate, ChannelFields, ChannelView, SessionAction, TechnicianView } from '../../src/protocol/index.js';
import type { TestServer } from './test-server.js';
import { connectWidget, emitAck, valueOf, type ConsoleSocket, type WidgetConnectOptions, type WidgetSocket } from './test-sockets.js';

/** A technician made through `POST /api/technicians`, signed in. */
export interface TechnicianFixture {
  id: string;
  name: string;
  email: string;
  password: string;
  /** `Cookie` header value for HTTP and {@link connectConsole}. */
  cookie: string;
}

let counter = 0;

/** Sends one JSON request to the app as the technician behind `cookie`; returns status and body. */
export async function api<T = unknown>(
  server: TestServer,
  cookie: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
) {
  const res = await server.app.http.inject({
    method,
    url,
    headers: { cookie },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  return { status: res.statusCode, body: res.json<{ ok: true; value: T } | { ok: false; error: string; message: string }>() };
}

/** Unwraps an {@link api} answer that must be a success. */
function expectOk<T>(r: { status: number; body: { ok: true; value: T } | { ok: false; error: string; message: string } }): T {
  if (!r.body.ok) throw new Error(`Expected success, got ${r.status} ${r.body.error}: ${r.body.message}`);
  return r.body.value;
}

/** Creates a technician as the admin behind `adminCookie`, then signs them in. */
export async function createTechnician(
  server: TestServer,
  adminCookie: string,
  options: { name?: string; role?: 'admin' | 'technician' } = {},
): Promise<TechnicianFixture> {
  counter += 1;
  const name = options.name ?? `Tech ${counter}`;
  const email = `tech-${counter}-${Date.now()}@test.local`;
  const password = `password-${counter}-secret`;
  const view = expectOk(
    await api<TechnicianView>(server, adminCookie, 'POST', '/api/technicians', {
      email,
      name,
      password,
      role: options.role ?? 'technician',
    }),
  );
  return { id: view.id, name, email, password, cookie: await server.login({ email, password }) };
}

/** The id of the channel with `key` (the bootstrap channel is `demo`). */
export async function channelIdOf(server: TestServer, key = 'demo'): Promise<string> {
  const channel = await server.store.findChannelByKey(key);
  if (!channel) throw new Error(`No channel "${key}".`);
  return channel.id;
}

/** The id of the admin every test server creates. */
export async function adminIdOf(server: TestServer): Promise<string> {
  const admin = (await server.store.listTechnicians()).find((t) => t.role === 'admin' && t.name === 'Admin');
  if (!admin) throw new Error('No bootstrap admin.');
  return admin.id;
}

/** Changes a channel through `PUT /api/channels/:id`, keeping the settings `patch` leaves out. */
export async function updateChannel(
  server: TestServer,
  adminCookie: string,
  channelId: string,
  patch: Partial<ChannelFields>,
): Promise<ChannelView> {
  const all = expectOk(await api<ChannelView[]>(server, adminCookie, 'GET', '/api/channels'));
  const current = all.find((c) => c.id === channelId);
  if (!current) throw new Error(`No channel ${channelId}.`);
  const fields: ChannelFields = {
    name: current.name,
    expirationMinutes: current.expirationMinutes,
    allowedOrigins: current.allowedOrigins,
    siteUrl: current.siteUrl,
    downloadLinks: current.downloadLinks,
    memberIds: current.members.map((m) => m.id),
    ...patch,
  };
  return expectOk(await api<ChannelView>(server, adminCookie, 'PUT', `/api/channels/${channelId}`, fields));
}

/** Replaces the members of a channel. */
export function setMembers(server: TestServer, adminCookie: string, channelId: string, memberIds: string[]): Promise<ChannelView> {
  return updateChannel(server, adminCookie, channelId, { memberIds });
}

/** Creates a channel through `POST /api/channels` with default settings unless given. */
export async function createChannel(
  server: TestServer,
  adminCookie: string,
  fields: Partial<ChannelCreate> & { name: string },
): Promise<ChannelView> {
  const body: ChannelCreate = { expirationMinutes: 60, allowedOrigins: [], siteUrl: '', downloadLinks: {}, memberIds: [], ...fields };
  return expectOk(await api<ChannelView>(server, adminCookie, 'POST', '/api/channels', body));
}

/** `session:act` in one call. */
export function act(socket: ConsoleSocket, sessionId: string, action: SessionAction) {
  return emitAck(socket, 'session:act', { sessionId, action });
}

/** The secret of an invitation link, as the widget reads it from `?porthole=`. */
export function linkToken(link: string): string {
  const token = new URL(link).searchParams.get('porthole');
  if (!token) throw new Error(`No invitation token in ${link}`);
  return token;
}

/** A session the console's technician created, and the visitor who opened its link. */
export interface JoinedSession {
  sessionId: string;
  widget: WidgetSocket;
  /** The visitor's bearer token, to reconnect as the same visitor. */
  visitorToken: string;
  pin: string;
}

/** S-5 end to end: `tech` creates a session in `channelId`; a new visitor opens its link. Active, owned by `tech`. */
export async function joinedSession(
  url: string,
  tech: ConsoleSocket,
  channelId: string,
  widgetOptions: WidgetConnectOptions = {},
): Promise<JoinedSession> {
  const created = valueOf(await emitAck(tech, 'session:create', { channelId }));
  const widget = await connectWidget(url, widgetOptions);
  try {
    const joined = valueOf(await emitAck(widget, 'session:join', { link: linkToken(created.invitation.link) }));
    return { sessionId: created.session.id, widget, visitorToken: joined.token, pin: created.invitation.pin ?? '' };
  } catch (error) {
    widget.disconnect();
    throw error;
  }
}
