import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { smtpSender } from '../../../server/mail/smtp-sender.js';
import { startMailSink, type MailSink } from '../../support/mail-sink.js';
import {
  buildTestServer,
  connectWidget,
  createChannel,
  disconnectAll,
  emitAck,
  emitRaw,
  newClientId,
  storageKindFromEnv,
  testClock,
  valueOf,
  type TestClock,
  type TestServer,
  type WidgetSocket,
} from '../../support/test-server.js';

const DESK = 'help@porthole.test';
const DAY = 24 * 60 * 60 * 1000;

describe('continuing a conversation on another device (P-1, P-2)', () => {
  let sink: MailSink;
  let sender: ReturnType<typeof smtpSender>;
  let server: TestServer;
  let clock: TestClock;
  let admin: string;
  const sockets: WidgetSocket[] = [];
  const widget = async (options: Parameters<typeof connectWidget>[1] = {}) => {
    const s = await connectWidget(server.url, options);
    sockets.push(s);
    return s;
  };
  /** A visitor with an open conversation holding one message; answers their socket and token. */
  const visitorWithConversation = async (text: string, channel = 'demo') => {
    const s = await widget({ channel });
    const { token, session } = valueOf(await emitAck(s, 'session:start', {}));
    valueOf(await emitAck(s, 'message:send', { sessionId: session.id, clientId: newClientId(), text }));
    return { socket: s, token, session };
  };
  const page = () => `${server.url}/help/?topic=billing`;
  const linkIn = async (to: string) => {
    const mail = await sink.next((m) => (m.to && !Array.isArray(m.to) ? m.to.text : '') === to);
    const found = /(http\S+porthole-resume=([A-Za-z0-9_-]+))/.exec(mail.text ?? '');
    assert.ok(found, `a link in: ${mail.text}`);
    return { mail, url: new URL(found[1]), token: found[2] };
  };

  before(async () => {
    sink = await startMailSink();
    sender = smtpSender({ host: '127.0.0.1', port: sink.port, secure: false });
    clock = testClock(0);
    server = await buildTestServer({
      storage: storageKindFromEnv(),
      env: clock.env,
      deskMail: { sender, address: DESK },
      trustProxy: true,
    });
    admin = await server.login();
  });
  after(async () => {
    disconnectAll(...sockets);
    sender?.close();
    await server?.close();
    await sink?.close();
  });

  test('P-1, P-2: the mailed link opens the same conversation on another device, once; the first device keeps it', async () => {
    const first = await visitorWithConversation('My printer is offline');
    const sent = valueOf(await emitAck(first.socket, 'conversation:email-link', { email: 'Ada@Example.com', pageUrl: page() }));
    assert.equal(sent.sentTo, 'ada@example.com');
    assert.ok(Math.abs(sent.expiresAt - (clock.now() + DAY)) < 60_000, 'works for a day, on the server clock');

    const { mail, url, token } = await linkIn('ada@example.com');
    assert.equal(mail.subject, 'Continue your conversation with Website');
    assert.equal(mail.from?.text, DESK);
    assert.equal(`${url.origin}${url.pathname}`, `${server.url}/help/`, 'the page the visitor was on');
    assert.equal(url.searchParams.get('topic'), 'billing', "the page's own parameters are kept");
    assert.equal(mail.html, false, 'text only');

    const other = await widget();
    const picked = valueOf(await emitAck(other, 'conversation:pick-up', { link: token }));
    assert.notEqual(picked.token, first.token, 'the other device gets a token of its own');
    const again = await emitAck(await widget(), 'conversation:pick-up', { link: token });
    assert.equal(!again.ok && again.error, 'not_found', 'a link works once');

    const resumed = valueOf(await emitAck(await widget({ token: picked.token }), 'session:resume', {}));
    assert.equal(resumed.session?.id, first.session.id);
    assert.deepEqual(
      resumed.messages.map((m) => m.text),
      ['My printer is offline'],
    );
    const firstAgain = valueOf(await emitAck(await widget({ token: first.token }), 'session:resume', {}));
    assert.equal(firstAgain.session?.id, first.session.id, "the first device's token still works");
  });

  test('P-2: an expired link, or one of another channel, opens nothing', async () => {
    const first = await visitorWithConversation('Expiring');
    valueOf(await emitAck(first.socket, 'conversation:email-link', { email: 'late@example.com', pageUrl: page() }));
    const { token } = await linkIn('late@example.com');
    const channel = await createChannel(server, admin, { name: 'Other desk' });
    const elsewhere = await emitAck(await widget({ channel: channel.key }), 'conversation:pick-up', { link: token });
    assert.equal(!elsewhere.ok && elsewhere.error, 'not_found');

    const second = await visitorWithConversation('Expiring too');
    valueOf(await emitAck(second.socket, 'conversation:email-link', { email: 'later@example.com', pageUrl: page() }));
    const expiring = await linkIn('later@example.com');
    clock.advance(DAY + 1);
    const expired = await emitAck(await widget(), 'conversation:pick-up', { link: expiring.token });
    assert.equal(!expired.ok && expired.error, 'not_found');
  });

  test('P-1: refused without a conversation, for another site, for a verified user, or malformed; nothing is mailed', async () => {
    const mailed = sink.received.length;
    const fresh = await widget();
    const none = await emitAck(fresh, 'conversation:email-link', { email: 'a@example.com', pageUrl: page() });
    assert.equal(!none.ok && none.error, 'not_found');

    const { socket } = await visitorWithConversation('Refusals');
    const foreign = await emitAck(socket, 'conversation:email-link', { email: 'a@example.com', pageUrl: 'https://evil.example/phish' });
    assert.equal(!foreign.ok && foreign.error, 'forbidden');
    const script = await emitAck(socket, 'conversation:email-link', { email: 'a@example.com', pageUrl: 'javascript:alert(1)' });
    assert.equal(script.ok, false);
    for (const bad of [
      { email: 'not-an-email', pageUrl: page() },
      { email: 'a@example.com', pageUrl: 'not a url' },
      { email: 'a@example.com', pageUrl: page(), extra: 1 },
    ]) {
      const r = await emitRaw(socket, 'conversation:email-link', bad);
      assert.equal(!r.ok && r.error, 'invalid_payload', JSON.stringify(bad).slice(0, 60));
    }
    const long = await emitRaw(socket, 'conversation:email-link', { email: 'a@example.com', pageUrl: `${page()}&x=${'y'.repeat(2100)}` });
    assert.equal(!long.ok && long.error, 'payload_too_large');
    for (const bad of [{ link: 'short' }, { link: 'x'.repeat(30), more: 1 }, {}]) {
      const r = await emitRaw(socket, 'conversation:pick-up', bad);
      assert.equal(!r.ok && r.error, 'invalid_payload');
    }
    const verified = await widget({ identity: { id: 'user-1', hash: 'ab'.repeat(32) } });
    const forged = await emitAck(verified, 'conversation:pick-up', { link: 'x'.repeat(30) });
    assert.equal(!forged.ok && forged.error, 'not_found', 'an unverified claim is an ordinary visitor: no such link');
    assert.equal(sink.received.length, mailed, 'nothing was mailed');
  });

  test('P-1: asking is limited per address', async () => {
    const { socket } = await visitorWithConversation('Flood', 'demo');
    const from = { headers: { 'x-forwarded-for': '203.0.113.9' } };
    const flooder = await widget(from);
    const own = valueOf(await emitAck(flooder, 'session:start', {}));
    valueOf(await emitAck(flooder, 'message:send', { sessionId: own.session.id, clientId: newClientId(), text: 'hi' }));
    const results = [];
    for (let n = 0; n < 6; n++)
      results.push(await emitAck(flooder, 'conversation:email-link', { email: `f${n}@example.com`, pageUrl: page() }));
    assert.deepEqual(
      results.map((r) => r.ok || r.error),
      [true, true, true, true, true, 'rate_limited'],
    );
    // Another address is not affected.
    valueOf(await emitAck(socket, 'conversation:email-link', { email: 'calm@example.com', pageUrl: page() }));
  });
});

describe('conversation links without outgoing mail', () => {
  test('P-1: the visitor is told the server cannot send email', async () => {
    const server = await buildTestServer({ storage: storageKindFromEnv() });
    const s = await connectWidget(server.url);
    try {
      const { session } = valueOf(await emitAck(s, 'session:start', {}));
      valueOf(await emitAck(s, 'message:send', { sessionId: session.id, clientId: newClientId(), text: 'hello' }));
      const r = await emitAck(s, 'conversation:email-link', { email: 'a@example.com', pageUrl: `${server.url}/` });
      assert.equal(!r.ok && r.error, 'unavailable');
    } finally {
      disconnectAll(s);
      await server.close();
    }
  });
});
