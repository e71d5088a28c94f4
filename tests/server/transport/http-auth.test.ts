import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { LIMITS } from '../../../src/protocol/index.js';
import { AUTH_COOKIE } from '../../../server/transport/http/auth-cookie.js';
import {
  buildTestServer,
  connectConsole,
  connectRefusal,
  storageKindFromEnv,
  TEST_ADMIN,
  type TestServer,
} from '../../support/test-server.js';

describe('HTTP sign-in', () => {
  let server: TestServer;

  before(async () => {
    server = await buildTestServer({ storage: storageKindFromEnv() });
  });
  after(async () => {
    await server?.close();
  });

  const inject = (options: InjectOptions) => server.app.http.inject(options);
  const login = (payload: unknown, headers: Record<string, string> = {}) =>
    inject({ method: 'POST', url: '/api/auth/login', payload: payload as InjectOptions['payload'], headers });
  const failure = (res: LightMyRequestResponse) => res.json<{ ok: boolean; error: string; message: string; details?: unknown }>();

  const badBodies: [string, unknown, Record<string, string>, string][] = [
    ['malformed JSON', '{"email": ', { 'content-type': 'application/json' }, 'invalid_payload'],
    ['an empty JSON body', '', { 'content-type': 'application/json' }, 'invalid_payload'],
    ['a form-encoded body', 'email=a%40b.c&password=x', { 'content-type': 'application/x-www-form-urlencoded' }, 'invalid_payload'],
    ['JSON sent as text/plain', JSON.stringify(TEST_ADMIN), { 'content-type': 'text/plain' }, 'invalid_payload'],
    ['no password', { email: TEST_ADMIN.email }, {}, 'invalid_payload'],
    ['no email', { password: TEST_ADMIN.password }, {}, 'invalid_payload'],
    ['a non-email', { ...TEST_ADMIN, email: 'admin' }, {}, 'invalid_payload'],
    ['an extra field', { ...TEST_ADMIN, role: 'admin' }, {}, 'invalid_payload'],
    ['a JSON array', [TEST_ADMIN], {}, 'invalid_payload'],
  ];
  for (const [what, body, headers, code] of badBodies) {
    test(`P-2: login with ${what} is refused with a 4xx and "${code}", setting no cookie`, async () => {
      const res = await login(body, headers);
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, `status ${res.statusCode}`);
      assert.equal(failure(res).ok, false);
      assert.equal(failure(res).error, code);
      assert.equal(res.headers['set-cookie'], undefined);
    });
  }

  test('P-2: a body over 16 KiB is refused with 413 payload_too_large', async () => {
    const res = await login({ ...TEST_ADMIN, password: 'x'.repeat(LIMITS.httpBodyBytes) });
    assert.equal(res.statusCode, 413);
    assert.equal(failure(res).error, 'payload_too_large');
  });

  test('a wrong password and an unknown email get the same 401 invalid_credentials', async () => {
    const wrong = await login({ ...TEST_ADMIN, password: 'not-the-password' });
    const unknown = await login({ email: 'nobody@test.local', password: 'whatever-1' });
    assert.equal(wrong.statusCode, 401);
    assert.equal(unknown.statusCode, 401);
    assert.deepEqual(failure(wrong), failure(unknown));
    assert.equal(failure(wrong).error, 'invalid_credentials');
    assert.equal(wrong.headers['set-cookie'], undefined);
  });

  test('the right password returns the technician and sets an HttpOnly, SameSite=Strict cookie', async () => {
    const res = await login({ ...TEST_ADMIN, email: TEST_ADMIN.email.toUpperCase() });
    assert.equal(res.statusCode, 200);
    const body = res.json<{ ok: true; value: { email: string; role: string; name: string } }>();
    assert.equal(body.ok, true);
    assert.equal(body.value.email, TEST_ADMIN.email);
    assert.equal(body.value.role, 'admin');
    assert.equal('passwordHash' in body.value, false);
    const cookie = res.cookies.find((c) => c.name === AUTH_COOKIE);
    assert.ok(cookie, 'cookie set');
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Strict');
    assert.equal(cookie.path, '/');
    assert.match(cookie.value, /^[A-Za-z0-9_-]{32,}$/);
  });

  test('/api/auth/me answers the signed-in technician, and 401 unauthorized without a cookie', async () => {
    const cookie = await server.login();
    const me = await inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json<{ value: { email: string } }>().value.email, TEST_ADMIN.email);
    const anonymous = await inject({ method: 'GET', url: '/api/auth/me' });
    assert.equal(anonymous.statusCode, 401);
    assert.equal(failure(anonymous).error, 'unauthorized');
  });

  test('A-3: logout invalidates the cookie for HTTP and for the console socket', async () => {
    const cookie = await server.login();
    const out = await inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    assert.equal(out.statusCode, 200);
    assert.equal(out.cookies.find((c) => c.name === AUTH_COOKIE)?.value, '', 'the browser is told to drop it');
    const me = await inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    assert.equal(me.statusCode, 401);
    const refusal = await connectRefusal(connectConsole(server.url, cookie));
    assert.equal(refusal.code, 'unauthorized');
  });

  test('signing out one browser leaves another signed in', async () => {
    const [first, second] = [await server.login(), await server.login()];
    await inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: first } });
    const me = await inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: second } });
    assert.equal(me.statusCode, 200);
  });

  test('the real port answers too: health and unknown API routes as JSON errors', async () => {
    const health = await fetch(`${server.url}/api/health`);
    assert.deepEqual(await health.json(), { ok: true, value: { status: 'up' } });
    const missing = await fetch(`${server.url}/api/no-such-route`);
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as { error: string }).error, 'not_found');
  });
});
