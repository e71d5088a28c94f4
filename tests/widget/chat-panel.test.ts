import { expect, waitUntil } from '@open-wc/testing';
import type { PortholeChat } from '../../src/chat/porthole-chat.js';
import { message, mountChat, session, unmountChats } from './chat-fixtures.js';
import { FakeSocket } from './fake-socket.js';

const texts = (chat: PortholeChat) => [...chat.shadowRoot!.querySelectorAll('.msg .text')].map((e) => e.textContent);

describe('<porthole-chat>', () => {
  afterEach(unmountChats);

  it('resumes the stored session and renders its history in seq order, as text', async () => {
    const fake = new FakeSocket();
    const hostile = '<img src=x onerror="window.__pwned=1">';
    fake.handlers.set('session:resume', () => ({
      ok: true,
      value: { session, messages: [message(2, hostile), message(1, 'first', { kind: 'visitor' })] },
    }));
    fake.handlers.set('messages:sync', () => ({ ok: true, value: [] }));
    const chat = await mountChat(fake);
    await fake.serverConnect();
    await waitUntil(() => texts(chat).length === 2, 'history rendered');
    expect(texts(chat)).to.deep.equal(['first', hostile]);
    expect(chat.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('starts a session on the first message, then sends it with a client id', async () => {
    const fake = new FakeSocket();
    fake.handlers.set('session:resume', () => ({ ok: true, value: { session: null, messages: [] } }));
    fake.handlers.set('session:start', () => ({ ok: true, value: { token: 'T'.repeat(43), session } }));
    fake.handlers.set('message:send', (p) => {
      const { clientId, text } = p as { clientId: string; text: string };
      return { ok: true, value: { ...message(1, text, { kind: 'visitor' }), clientId } };
    });
    const chat = await mountChat(fake);
    await fake.serverConnect();
    const sent = fake.nextEmit('message:send');
    chat.chat.send('  my bike app will not load  ');
    const payload = (await sent) as { sessionId: string; clientId: string; text: string };
    // `channel:profile` (the pre-chat form and availability) is asked alongside; it has no order to keep.
    const events = fake.sent.map((s) => s.event).filter((e) => e !== 'channel:profile');
    expect(events).to.include.ordered.members(['session:resume', 'session:start', 'message:send']);
    expect(payload.sessionId).to.equal(session.id);
    expect(payload.text).to.equal('my bike app will not load');
    expect(payload.clientId).to.match(/^[A-Za-z0-9_-]{8,64}$/);
    await waitUntil(() => chat.chat.state.pending.length === 0, 'confirmed');
    expect(texts(chat)).to.deep.equal(['my bike app will not load']);
  });

  it('keeps a message pending while offline and resends it with the same client id', async () => {
    const fake = new FakeSocket();
    fake.handlers.set('session:resume', () => ({ ok: true, value: { session, messages: [] } }));
    fake.handlers.set('messages:sync', () => ({ ok: true, value: [] }));
    const chat = await mountChat(fake);
    await fake.serverConnect();
    await waitUntil(() => chat.chat.state.session !== null);
    fake.serverDisconnect();
    chat.chat.send('typed while offline');
    await chat.updateComplete;
    expect(chat.shadowRoot!.querySelector('.msg.pending')?.textContent).to.contain('typed while offline');
    expect(chat.shadowRoot!.querySelector('.status')?.textContent).to.contain('Reconnecting');
    expect(fake.sent.some((s) => s.event === 'message:send')).to.equal(false);

    const first = fake.nextEmit('message:send');
    await fake.serverConnect();
    const { clientId } = (await first) as { clientId: string };
    expect(clientId).to.equal(chat.chat.state.pending[0].clientId);
  });

  it('counts unread technician replies while closed and clears them when opened', async () => {
    const fake = new FakeSocket();
    fake.handlers.set('session:resume', () => ({ ok: true, value: { session, messages: [] } }));
    fake.handlers.set('messages:sync', () => ({ ok: true, value: [] }));
    const chat = await mountChat(fake);
    const counts: number[] = [];
    chat.addEventListener('porthole-unread', (e) => counts.push((e as CustomEvent<number>).detail));
    await fake.serverConnect();
    await waitUntil(() => chat.chat.state.session !== null);
    fake.push('message:created', message(1, 'Hello from support'));
    fake.push('message:created', message(2, 'Are you there?'));
    fake.push('message:created', message(2, 'Are you there?'));
    await waitUntil(() => counts.at(-1) === 2, 'two unread');
    chat.open = true;
    await waitUntil(() => counts.at(-1) === 0, 'read when open');
    expect(texts(chat)).to.deep.equal(['Hello from support', 'Are you there?']);
  });

  it('reflects decorated properties (useDefineForClassFields must stay false)', async () => {
    const chat = await mountChat(new FakeSocket());
    chat.open = true;
    await chat.updateComplete;
    expect(chat.hasAttribute('open')).to.equal(true);
  });

  it('shows why the chat is unavailable when the server refuses the protocol', async () => {
    const fake = new FakeSocket();
    const chat = await mountChat(fake);
    const err = Object.assign(new Error('refused'), { data: { code: 'protocol_mismatch', message: 'This server speaks protocol 2.' } });
    fake.push('connect_error', err);
    await chat.updateComplete;
    expect(chat.shadowRoot!.querySelector('.status.problem')?.textContent).to.contain('protocol 2');
  });
});
