import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { identityHash } from '../../../server/security/identity-hash.js';
import {
  api,
  buildTestServer,
  channelIdOf,
  connectConsole,
  connectRefusal,
  connectWidget,
  disconnectAll,
  emitAck,
  newClientId,
  storageKindFromEnv,
  valueOf,
  type ConsoleSocket,
  type TestServer,
  type WidgetSocket,
} from '../../support/test-server.js';
import { secretOf } from './profile-support.js';

describe('identify(): verified identity and history per user (I-1..I-5)', () => {
  let server: TestServer;
  let admin: string;
  let tech: ConsoleSocket;
  let secret: string;
  const sockets: WidgetSocket[] = [];
  const widget = async (identity?: unknown, token?: string) => {
    const s = await connectWidget(server.url, { identity, ...(token ? { token } : {}) });
    sockets.push(s);
    return s;
  };
  const ada = (hash?: string, id = 'user-ada') => ({ id, name: 'Ada Lovelace', email: 'ada@example.com', ...(hash ? { hash } : {}) });
  const identityOf = async (sessionId: string) => valueOf(await emitAck(tech, 'session:details', { sessionId })).profile?.identity;
  const say = async (s: WidgetSocket, sessionId: string, text: string) =>
    valueOf(await emitAck(s, 'message:send', { sessionId, clientId: newClientId(), text }));

  before(async () => {
    server = await buildTestServer({ storage: storageKindFromEnv() });
    admin = await server.login();
    tech = await connectConsole(server.url, admin);
    secret = await secretOf(server, admin, await channelIdOf(server));
  });
  after(async () => {
    disconnectAll(tech, ...sockets);
    await server?.close();
  });

  let adaSession = '';

  test("I-3, I-5: a valid hash verifies; the session is the user's and the console sees the verified identity", async () => {
    const s = await widget(ada(identityHash('user-ada', secret)));
    const started = valueOf(await emitAck(s, 'session:start', {}));
    assert.equal(started.token, '', 'a verified user gets no token: the hash is what brings them back');
    adaSession = started.session.id;
    await say(s, adaSession, 'My invoice is wrong');
    assert.deepEqual(await identityOf(adaSession), { id: 'user-ada', name: 'Ada Lovelace', email: 'ada@example.com', verified: true });
  });

  test('I-4: the same user on another device (no token) sees their verified conversation and history, and may write in it', async () => {
    const other = await widget(ada(identityHash('user-ada', secret)));
    const resumed = valueOf(await emitAck(other, 'session:resume', {}));
    assert.equal(resumed.session?.id, adaSession);
    assert.deepEqual(
      resumed.messages.map((m) => m.text),
      ['My invoice is wrong'],
    );
    await say(other, adaSession, 'Sent from my phone');
  });

  test("I-4: a device with its own token and a valid hash still gets the user's conversation, not the token's", async () => {
    const anon = await widget();
    const own = valueOf(await emitAck(anon, 'session:start', {}));
    const s = await widget(ada(identityHash('user-ada', secret)), own.token);
    const resumed = valueOf(await emitAck(s, 'session:resume', {}));
    assert.equal(resumed.session?.id, adaSession);
  });

  const unverified: [string, () => ReturnType<typeof ada>][] = [
    ['a wrong hash', () => ada('ab'.repeat(32))],
    ['a missing hash', () => ada()],
    ['the hash of another id', () => ada(identityHash('user-bob', secret))],
  ];
  for (const [what, claim] of unverified) {
    test(`I-3: with ${what} the identity is unverified and the user's verified history is never shown`, async () => {
      const s = await widget(claim());
      const resumed = valueOf(await emitAck(s, 'session:resume', {}));
      assert.equal(resumed.session, null);
      assert.deepEqual(resumed.messages, []);
      const started = valueOf(await emitAck(s, 'session:start', {}));
      assert.notEqual(started.session.id, adaSession);
      assert.notEqual(started.token, '', 'an unverified visitor is known by their own token');
      const denied = await emitAck(s, 'messages:sync', { sessionId: adaSession, afterSeq: 0 });
      assert.equal(!denied.ok && denied.error, 'not_found');
      assert.deepEqual(await identityOf(started.session.id), {
        id: 'user-ada',
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        verified: false,
      });
    });
  }

  test('I-2: after the secret is rotated, old hashes no longer verify', async () => {
    const r = await api<{ identitySecret: string }>(
      server,
      admin,
      'POST',
      `/api/channels/${await channelIdOf(server)}/identity-secret`,
      {},
    );
    assert.ok(r.body.ok);
    const s = await widget(ada(identityHash('user-ada', secret)));
    assert.equal(valueOf(await emitAck(s, 'session:resume', {})).session, null);
    const fresh = await widget(ada(identityHash('user-ada', r.body.value.identitySecret)));
    assert.equal(valueOf(await emitAck(fresh, 'session:resume', {})).session?.id, adaSession);
    secret = r.body.value.identitySecret;
  });

  test('I-1: a malformed identity is refused at the handshake (invalid_payload)', async () => {
    for (const identity of [
      { name: 'No id' },
      { id: '' },
      { id: 'x'.repeat(129) },
      { id: 'u', email: 'nope' },
      'user-ada',
      { id: 'u', admin: true },
    ]) {
      const refusal = await connectRefusal(connectWidget(server.url, { identity }));
      assert.equal(refusal.code, 'invalid_payload', JSON.stringify(identity));
    }
  });
});
