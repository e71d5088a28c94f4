/**
 * Never lose, never double (SPEC.md M-1, M-2) on the widget's side: the persistent outbox, a
 * reload with messages in it, lost acks, and catching up after a reconnect. The FakeSocket plays a
 * server that stores each client id once.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { set } from 'idb-keyval';
import type { PortholeChat } from '../../src/chat/porthole-chat.js';
import { fail } from '../../src/protocol/errors.js';
import type { MessageView } from '../../src/protocol/views.js';
import { loadOutbox, outboxKey } from '../../src/transport/outbox.js';
import { loadToken } from '../../src/transport/visitor-token.js';
import { freshChannel, message, mountChat, session, unmountChats } from './chat-fixtures.js';
import { FakeSocket } from './fake-socket.js';

type Sent = { sessionId: string; clientId: string; text: string };

/** A server that stores each client id once (M-1) and numbers messages without gaps (M-2). */
class OnceServer {
  readonly stored: MessageView[] = [];
  /** What to do with the ack of the next sends: answer, or lose it (the message is stored anyway). */
  acks: ('answer' | 'lose' | 'timeout')[] = [];

  store(p: Sent): MessageView {
    const found = this.stored.find((m) => m.clientId === p.clientId);
    if (found) return found;
    const m = { ...message(this.stored.length + 1, p.text, { kind: 'visitor' }), clientId: p.clientId };
    this.stored.push(m);
    return m;
  }

  /** Answers `session:resume`, `messages:sync` and `message:send` on `fake` from what is stored. */
  serve(fake: FakeSocket): FakeSocket {
    fake.handlers.set('session:resume', () => ({ ok: true, value: { session, messages: [...this.stored], permissions: [] } }));
    fake.handlers.set('messages:sync', (p) => ({
      ok: true,
      value: this.stored.filter((m) => m.seq > (p as { afterSeq: number }).afterSeq),
    }));
    fake.handlers.set('message:send', (p) => {
      const m = this.store(p as Sent);
      const fate = this.acks.shift() ?? 'answer';
      // `timeout` is what ask() resolves with when no ack comes in time on a live connection.
      if (fate === 'timeout') return fail('internal', 'The server did not answer in time.');
      return fate === 'answer' ? { ok: true, value: m } : undefined;
    });
    return fake;
  }
}

const place = (chat: PortholeChat) => ({ server: chat.server, channel: chat.channel });
const outboxIds = async (chat: PortholeChat) => (await loadOutbox(place(chat))).map((e) => e.clientId);
const sends = (fake: FakeSocket) => fake.sent.filter((s) => s.event === 'message:send').map((s) => s.payload as Sent);
const shownTexts = (chat: PortholeChat) => chat.chat.state.messages.map((m) => m.text);

/** A chat connected to `server`, its session resumed, then disconnected. */
async function offlineChat(server: OnceServer, channel = freshChannel()): Promise<{ chat: PortholeChat; fake: FakeSocket }> {
  const fake = server.serve(new FakeSocket());
  const chat = await mountChat(fake, channel);
  await fake.serverConnect();
  await waitUntil(() => chat.chat.state.session !== null, 'session resumed');
  fake.serverDisconnect();
  return { chat, fake };
}

describe('outbox and delivery', () => {
  afterEach(unmountChats);

  it('keeps a message typed while disconnected in the outbox', async () => {
    const { chat, fake } = await offlineChat(new OnceServer());
    chat.chat.send('typed in a tunnel');
    const [pending] = chat.chat.state.pending;
    await waitUntil(async () => (await outboxIds(chat)).includes(pending.clientId), 'in the outbox');
    expect(await loadOutbox(place(chat))).to.deep.equal([{ clientId: pending.clientId, text: 'typed in a tunnel' }]);
    expect(sends(fake)).to.have.length(0);
  });

  it('a reload restores the outbox before connecting and sends it in order with the same client ids', async () => {
    const server = new OnceServer();
    const { chat } = await offlineChat(server);
    chat.chat.send('first');
    chat.chat.send('second');
    const typed = chat.chat.state.pending.map((p) => p.clientId);
    await waitUntil(async () => (await outboxIds(chat)).length === 2, 'both in the outbox');
    chat.remove();

    // The page is loaded again: a new chat element on the same server and channel.
    const fake = server.serve(new FakeSocket());
    const again = await mountChat(fake, chat.channel);
    await waitUntil(() => again.chat.state.pending.length === 2, 'restored');
    expect(again.chat.state.pending.map((p) => p.text)).to.deep.equal(['first', 'second']);
    expect(fake.sent).to.have.length(0);
    await fake.serverConnect();
    await waitUntil(() => again.chat.state.pending.length === 0, 'confirmed');
    expect(sends(fake).map((p) => p.clientId)).to.deep.equal(typed);
    expect(shownTexts(again)).to.deep.equal(['first', 'second']);
  });

  it('a confirmed message leaves the outbox', async () => {
    const server = new OnceServer();
    const { chat, fake } = await offlineChat(server);
    chat.chat.send('hello again');
    await waitUntil(async () => (await outboxIds(chat)).length === 1, 'in the outbox');
    await fake.serverConnect();
    await waitUntil(() => chat.chat.state.pending.length === 0, 'confirmed');
    await waitUntil(async () => (await outboxIds(chat)).length === 0, 'outbox emptied');
    expect(server.stored.map((m) => m.text)).to.deep.equal(['hello again']);
  });

  it('M-1: a lost ack on a live connection is retried with the same client id and stored once', async () => {
    const server = new OnceServer();
    server.acks = ['timeout'];
    const { chat, fake } = await offlineChat(server);
    // Typed offline, so the send comes after the reconnect's catch-up, which could confirm it too.
    chat.chat.send('are you there?');
    await fake.serverConnect();
    await waitUntil(() => chat.chat.state.pending.length === 0, 'confirmed by the retry', { timeout: 3000 });
    const ids = sends(fake).map((p) => p.clientId);
    expect(ids).to.have.length(2);
    expect(new Set(ids).size).to.equal(1);
    expect(server.stored).to.have.length(1);
    expect(shownTexts(chat)).to.deep.equal(['are you there?']);
  });

  it('M-1: a message whose ack was lost with the connection is not sent again once the server shows it', async () => {
    const server = new OnceServer();
    server.acks = ['lose'];
    const { chat, fake } = await offlineChat(server);
    chat.chat.send('stored, but the ack is lost');
    chat.chat.send('and one more');
    await fake.serverConnect();
    await waitUntil(() => server.stored.length === 1, 'first stored');
    fake.serverDisconnect();
    await fake.serverConnect();
    await waitUntil(() => chat.chat.state.pending.length === 0, 'both confirmed');
    expect(sends(fake).map((p) => p.text)).to.deep.equal(['stored, but the ack is lost', 'and one more']);
    expect(server.stored.map((m) => m.seq)).to.deep.equal([1, 2]);
    expect(shownTexts(chat)).to.deep.equal(['stored, but the ack is lost', 'and one more']);
  });

  it('moves on when the message arrives live although its ack is late', async () => {
    const server = new OnceServer();
    server.acks = ['lose'];
    const { chat, fake } = await offlineChat(server);
    chat.chat.send('one');
    chat.chat.send('two');
    await fake.serverConnect();
    await waitUntil(() => server.stored.length === 1, 'first stored');
    expect(sends(fake)).to.have.length(1);
    // The fake never times out an ack: only the live message can let the second one go.
    fake.push('message:created', server.stored[0]);
    await waitUntil(() => chat.chat.state.pending.length === 0, 'both confirmed');
    expect(sends(fake).map((p) => p.text)).to.deep.equal(['one', 'two']);
  });

  it('S-2: a lost session:start ack is asked again; the first message then goes out once', async () => {
    const server = new OnceServer();
    const fake = server.serve(new FakeSocket());
    fake.handlers.set('session:resume', () => ({ ok: true, value: { session: null, messages: [], permissions: [] } }));
    let starts = 0;
    fake.handlers.set('session:start', () =>
      ++starts === 1 ? fail('internal', 'The server did not answer in time.') : { ok: true, value: { token: 'T'.repeat(43), session } },
    );
    const chat = await mountChat(fake);
    chat.chat.send('first words');
    await fake.serverConnect();
    await waitUntil(() => chat.chat.state.pending.length === 0, 'sent after the second start', { timeout: 3000 });
    expect(starts).to.equal(2);
    expect(await loadToken(chat.server, chat.channel)).to.equal('T'.repeat(43));
    expect(sends(fake).map((p) => p.text)).to.deep.equal(['first words']);
  });

  it('M-2: after a reconnect, catches up from the first gap even when a later message came in live', async () => {
    const server = new OnceServer();
    const { chat, fake } = await offlineChat(server);
    // Missed while offline: 1 and 2; then 3 arrives live before the catch-up answers.
    for (const text of ['a', 'b', 'c']) server.store({ sessionId: session.id, clientId: `tech-${text}-xxxxxxxx`, text });
    fake.handlers.set('session:resume', () => {
      fake.push('message:created', server.stored[2]);
      return { ok: true, value: { session, messages: [], permissions: [] } };
    });
    await fake.serverConnect();
    await waitUntil(() => chat.chat.state.messages.length === 3, 'all three', { timeout: 2000 });
    expect(shownTexts(chat)).to.deep.equal(['a', 'b', 'c']);
  });

  it('ignores outbox entries of the wrong shape, and restores none the server would refuse', async () => {
    const channel = freshChannel();
    const where = { server: 'http://127.0.0.1:9', channel };
    await set(outboxKey(where), 'not a list');
    expect(await loadOutbox(where)).to.deep.equal([]);
    await set(outboxKey(where), [
      { clientId: 'short', text: 'bad id' },
      { clientId: 'good-client-id', text: '   ' },
      { clientId: 'good-client-id-2', text: 'kept' },
      42,
      null,
    ]);
    expect((await loadOutbox(where)).map((e) => e.text)).to.deep.equal(['bad id', '   ', 'kept']);
    const chat = await mountChat(new FakeSocket(), channel);
    await waitUntil(() => chat.chat.state.pending.length > 0, 'restored');
    expect(chat.chat.state.pending.map((p) => p.clientId)).to.deep.equal(['good-client-id-2']);
  });
});
