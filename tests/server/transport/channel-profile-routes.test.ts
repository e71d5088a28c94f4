import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ChannelProfileView } from '../../../src/protocol/index.js';
import {
  api,
  buildTestServer,
  channelIdOf,
  createTechnician,
  storageKindFromEnv,
  type TechnicianFixture,
  type TestServer,
} from '../../support/test-server.js';
import { OFFICE_WEEK, ORDER_FORM, profileBody } from './profile-support.js';

describe('channel profile routes (Q-1, H-5, I-2)', () => {
  let server: TestServer;
  let admin: string;
  let tech: TechnicianFixture;
  let demo: string;

  before(async () => {
    server = await buildTestServer({ storage: storageKindFromEnv() });
    admin = await server.login();
    tech = await createTechnician(server, admin);
    demo = await channelIdOf(server);
  });
  after(async () => {
    await server?.close();
  });

  const url = () => `/api/channels/${demo}/profile`;

  test('I-2: the first read makes a profile with defaults and a generated secret; it stays the same', async () => {
    const first = await api<ChannelProfileView>(server, admin, 'GET', url());
    assert.equal(first.status, 200);
    assert.ok(first.body.ok);
    const p = first.body.value;
    assert.equal(p.prechat.enabled, false);
    assert.equal(p.hours.enabled, false);
    assert.match(p.identitySecret, /^[A-Za-z0-9_-]{22,}$/);
    const again = await api<ChannelProfileView>(server, admin, 'GET', url());
    assert.equal(again.body.ok && again.body.value.identitySecret, p.identitySecret);
  });

  test('Q-1, H-5: PUT stores the form and hours, duplicate holidays once and sorted; the secret stays', async () => {
    const secret = (await server.store.findChannelProfile(demo))?.identitySecret;
    const body = profileBody({
      prechat: { enabled: true },
      hours: { enabled: true, timeZone: 'Europe/Paris', weekly: OFFICE_WEEK, holidays: ['2026-12-25', '2026-01-01', '2026-12-25'] },
    });
    const r = await api<ChannelProfileView>(server, admin, 'PUT', url(), body);
    assert.equal(r.status, 200);
    const stored = await server.store.findChannelProfile(demo);
    assert.deepEqual(stored?.prechat, { ...ORDER_FORM, enabled: true });
    assert.deepEqual(stored?.hours, { ...body.hours, holidays: ['2026-01-01', '2026-12-25'] });
    assert.equal(stored?.identitySecret, secret);
  });

  test('H-5, Q-2: invalid bodies get 400 invalid_payload and change nothing', async () => {
    const before = await server.store.findChannelProfile(demo);
    const bad: [string, unknown][] = [
      ['unknown time zone', profileBody({ hours: { timeZone: 'Atlantis/Capital' } })],
      ['bad clock', profileBody({ hours: { weekly: { ...OFFICE_WEEK, mon: [{ from: '9am', to: '17:00' }] } } })],
      ['equal range', profileBody({ hours: { weekly: { ...OFFICE_WEEK, mon: [{ from: '09:00', to: '09:00' }] } } })],
      ['no such date', profileBody({ hours: { holidays: ['2026-13-01'] } })],
      ['custom field reusing a built-in id', profileBody({ prechat: { custom: [{ id: 'name', label: 'Name again', required: false }] } })],
      ['extra key', { ...profileBody(), secret: 'mine' }],
      ['nothing', undefined],
    ];
    for (const [what, body] of bad) {
      const r = await api(server, admin, 'PUT', url(), body);
      assert.equal(r.status, 400, what);
      assert.equal(!r.body.ok && r.body.error, 'invalid_payload', what);
    }
    const tooBig = await api(
      server,
      admin,
      'PUT',
      url(),
      profileBody({ hours: { holidays: Array.from({ length: 2000 }, () => '2026-01-01') } }),
    );
    assert.equal(tooBig.status, 413);
    assert.deepEqual(await server.store.findChannelProfile(demo), before);
  });

  test('I-2: rotating makes a new secret', async () => {
    const before = (await server.store.findChannelProfile(demo))?.identitySecret;
    const r = await api<ChannelProfileView>(server, admin, 'POST', `/api/channels/${demo}/identity-secret`, {});
    assert.ok(r.body.ok);
    assert.notEqual(r.body.value.identitySecret, before);
    assert.equal((await server.store.findChannelProfile(demo))?.identitySecret, r.body.value.identitySecret);
  });

  test('A-5: technicians may not read (the secret) nor change profiles; unknown channels are 404', async () => {
    const before = await server.store.findChannelProfile(demo);
    for (const [method, path, body] of [
      ['GET', url(), undefined],
      ['PUT', url(), profileBody()],
      ['POST', `/api/channels/${demo}/identity-secret`, {}],
    ] as const) {
      const r = await api(server, tech.cookie, method, path, body);
      assert.equal(r.status, 403, `${method} ${path}`);
    }
    assert.deepEqual(await server.store.findChannelProfile(demo), before);
    assert.equal((await api(server, admin, 'GET', '/api/channels/nope/profile')).status, 404);
    assert.equal((await api(server, '', 'GET', url())).status, 401);
  });
});
