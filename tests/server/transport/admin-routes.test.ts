import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  api,
  buildTestServer,
  channelIdOf,
  createTechnician,
  storageKindFromEnv,
  type TechnicianFixture,
  type TestServer,
} from '../../support/test-server.js';

const goodTechnician = () => ({
  email: `new-${Date.now()}-${Math.random().toString(36).slice(2)}@test.local`,
  name: 'New',
  password: 'long-enough-1',
  role: 'technician',
});
const goodChannel = () => ({ name: 'Billing', expirationMinutes: 60, allowedOrigins: [], siteUrl: '', downloadLinks: {}, memberIds: [] });

describe('A-5: admin routes', () => {
  let server: TestServer;
  let admin: string;
  let tech: TechnicianFixture;

  before(async () => {
    server = await buildTestServer({ storage: storageKindFromEnv() });
    admin = await server.login();
    tech = await createTechnician(server, admin, { name: 'Plain' });
  });
  after(async () => {
    await server?.close();
  });

  const counts = async () => ({ technicians: await server.store.countTechnicians(), channels: (await server.store.listChannels()).length });

  test('A-5: a technician gets 403 forbidden on every admin route, and nothing is stored', async () => {
    const before = await counts();
    const demo = await channelIdOf(server);
    for (const [method, url, body] of [
      ['GET', '/api/technicians', undefined],
      ['POST', '/api/technicians', goodTechnician()],
      ['POST', '/api/channels', goodChannel()],
      ['PUT', `/api/channels/${demo}`, { ...goodChannel(), memberIds: [tech.id] }],
    ] as const) {
      const r = await api(server, tech.cookie, method, url, body);
      assert.equal(r.status, 403, `${method} ${url}`);
      assert.equal(!r.body.ok && r.body.error, 'forbidden');
    }
    assert.deepEqual(await counts(), before);
    assert.deepEqual(await server.store.listChannelIdsOf(tech.id), [], 'the technician did not add themselves');
  });

  test('A-3: without a sign-in every route is 401 unauthorized', async () => {
    for (const [method, url] of [
      ['GET', '/api/technicians'],
      ['GET', '/api/channels'],
      ['POST', '/api/channels'],
      ['POST', '/api/auth/password'],
    ] as const) {
      const r = await api(server, '', method, url, {});
      assert.equal(r.status, 401, `${method} ${url}`);
    }
  });

  const badBodies: [string, string, Record<string, unknown>][] = [
    ['a technician with a short password', '/api/technicians', { ...goodTechnician(), password: 'short' }],
    ['a technician with a bad email', '/api/technicians', { ...goodTechnician(), email: 'nobody' }],
    ['a technician with an unknown role', '/api/technicians', { ...goodTechnician(), role: 'owner' }],
    ['a technician with an extra field', '/api/technicians', { ...goodTechnician(), passwordHash: 'x' }],
    ["a technician with the admin's email", '/api/technicians', { ...goodTechnician(), email: 'ADMIN@test.local' }],
    ['a channel expiring after 10 minutes', '/api/channels', { ...goodChannel(), expirationMinutes: 10 }],
    ['a channel with a path as origin', '/api/channels', { ...goodChannel(), allowedOrigins: ['https://shop.example/cart'] }],
    ['a channel with a non-http site', '/api/channels', { ...goodChannel(), siteUrl: 'javascript:alert(1)' }],
    ['a channel with an unknown member', '/api/channels', { ...goodChannel(), memberIds: ['no-such-technician'] }],
    ['a channel with a malformed key', '/api/channels', { ...goodChannel(), key: 'Not A Key' }],
    ['a channel with the key of another', '/api/channels', { ...goodChannel(), key: 'demo' }],
    ['a channel without a name', '/api/channels', { ...goodChannel(), name: '  ' }],
  ];
  for (const [what, url, body] of badBodies) {
    test(`P-2, A-5: ${what} is 400 invalid_payload and nothing is stored`, async () => {
      const before = await counts();
      const r = await api(server, admin, 'POST', url, body);
      assert.equal(r.status, 400);
      assert.equal(!r.body.ok && r.body.error, 'invalid_payload');
      assert.deepEqual(await counts(), before);
    });
  }

  test('A-5: an admin creates a technician, who can sign in; the answer carries no password hash', async () => {
    const body = goodTechnician();
    const r = await api<Record<string, unknown>>(server, admin, 'POST', '/api/technicians', { ...body, email: body.email.toUpperCase() });
    assert.equal(r.status, 200);
    assert.ok(r.body.ok);
    assert.deepEqual(Object.keys(r.body.value).sort(), ['email', 'id', 'name', 'role']);
    assert.equal(r.body.value.email, body.email, 'emails are kept in lower case');
    assert.match(await server.login({ email: body.email, password: body.password }), /porthole_session=/);
    const list = await api<{ email: string }[]>(server, admin, 'GET', '/api/technicians');
    assert.ok(list.body.ok && list.body.value.some((t) => t.email === body.email));
  });

  test('A-5: an admin creates a channel with a key from its name, then edits it; an unknown channel is 404', async () => {
    const created = await api<{ id: string; key: string; members: { id: string }[] }>(server, admin, 'POST', '/api/channels', {
      ...goodChannel(),
      name: 'Crème Support',
      memberIds: [tech.id],
    });
    assert.ok(created.body.ok);
    assert.equal(created.body.value.key, 'creme-support');
    assert.deepEqual(created.body.value.members, [{ id: tech.id, name: 'Plain' }]);
    const again = await api<{ key: string }>(server, admin, 'POST', '/api/channels', { ...goodChannel(), name: 'Crème Support' });
    assert.ok(again.body.ok);
    assert.match(again.body.value.key, /^creme-support-\d{4}$/, 'a taken derived key gets a suffix');

    const edited = await api<{ name: string; expirationMinutes: number; members: unknown[] }>(
      server,
      admin,
      'PUT',
      `/api/channels/${created.body.value.id}`,
      {
        ...goodChannel(),
        name: 'Support',
        expirationMinutes: 120,
        memberIds: [tech.id],
      },
    );
    assert.ok(edited.body.ok);
    assert.deepEqual(
      [edited.body.value.name, edited.body.value.expirationMinutes, edited.body.value.members],
      ['Support', 120, [{ id: tech.id, name: 'Plain' }]],
    );
    const missing = await api(server, admin, 'PUT', '/api/channels/no-such-channel', goodChannel());
    assert.equal(missing.status, 404);
  });

  test('A-5: a technician lists only their own channels; an admin lists all', async () => {
    const mine = await api<{ name: string }[]>(server, tech.cookie, 'GET', '/api/channels');
    const all = await api<{ name: string }[]>(server, admin, 'GET', '/api/channels');
    assert.ok(mine.body.ok && all.body.ok);
    assert.deepEqual(
      mine.body.value.map((c) => c.name),
      ['Support'],
    );
    assert.ok(all.body.value.length > mine.body.value.length);
  });
});

describe("A-5: changing one's own password", () => {
  let server: TestServer;
  let tech: TechnicianFixture;

  before(async () => {
    server = await buildTestServer({ storage: storageKindFromEnv() });
    tech = await createTechnician(server, await server.login(), { name: 'Pat' });
  });
  after(async () => {
    await server?.close();
  });

  const login = (password: string) =>
    server.app.http.inject({ method: 'POST', url: '/api/auth/login', payload: { email: tech.email, password } });

  test('A-5: a wrong current password is 401 invalid_credentials and the password stays', async () => {
    const r = await api(server, tech.cookie, 'POST', '/api/auth/password', { current: 'not-my-password', next: 'brand-new-password-1' });
    assert.equal(r.status, 401);
    assert.equal(!r.body.ok && r.body.error, 'invalid_credentials');
    assert.equal((await login(tech.password)).statusCode, 200);
  });

  test('P-2: a too short new password is 400 invalid_payload', async () => {
    const r = await api(server, tech.cookie, 'POST', '/api/auth/password', { current: tech.password, next: 'short' });
    assert.equal(r.status, 400);
    assert.equal((await login(tech.password)).statusCode, 200);
  });

  test('A-5: with the current password the new one works and the old one no longer does', async () => {
    const r = await api(server, tech.cookie, 'POST', '/api/auth/password', { current: tech.password, next: 'brand-new-password-1' });
    assert.deepEqual([r.status, r.body], [200, { ok: true, value: null }]);
    assert.equal((await login('brand-new-password-1')).statusCode, 200);
    assert.equal((await login(tech.password)).statusCode, 401);
  });
});
