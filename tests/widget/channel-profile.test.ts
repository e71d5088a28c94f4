import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { PortholeWidget } from '../../src/launcher/porthole-widget.js';
import type { PortholeMessageEvent } from '../../src/launcher/widget-events.js';
import { fail } from '../../src/protocol/errors.js';
import type { ChannelPublicProfile, PrechatForm } from '../../src/protocol/index.js';
import { $, message, mountChat, session, unmountChats } from './chat-fixtures.js';
import { FakeSocket } from './fake-socket.js';

const FORM: PrechatForm = {
  enabled: true,
  name: { enabled: true, required: true },
  email: { enabled: true, required: false },
  question: { enabled: true, required: false },
  custom: [{ id: 'order', label: 'Order <b>number</b>', required: true }],
};

/** A fake server for a new visitor of a channel with `profile`. */
function serverWith(profile: ChannelPublicProfile): FakeSocket {
  const fake = new FakeSocket();
  fake.handlers.set('session:resume', () => ({ ok: true, value: { session: null, messages: [], permissions: [] } }));
  fake.handlers.set('messages:sync', () => ({ ok: true, value: [] }));
  fake.handlers.set('channel:profile', () => ({ ok: true, value: profile }));
  return fake;
}

const sentPayload = (fake: FakeSocket, event: string) => fake.sent.filter((s) => s.event === event).map((s) => s.payload);

describe('channel profile in the widget', () => {
  afterEach(unmountChats);

  it('Q-1: shows the pre-chat form with labels, required marks and no message box; labels are text', async () => {
    const fake = serverWith({ name: 'Shop', prechat: FORM, offline: null });
    const chat = await mountChat(fake);
    await fake.serverConnect();
    await waitUntil(() => $(chat, 'form.prechat'), 'form shown');
    const labels = [...chat.shadowRoot!.querySelectorAll('form.prechat label')].map((l) => l.textContent?.replace(/\s+/g, ' ').trim());
    expect(labels).to.deep.equal(['Name *', 'Email', 'Order <b>number</b> *', 'How can we help?']);
    expect($(chat, 'form.prechat b')).to.equal(null, 'a label is text, never markup');
    expect(($(chat, '#prechat-name') as HTMLInputElement).required).to.equal(true);
    expect(($(chat, '#prechat-email') as HTMLInputElement).type).to.equal('email');
    expect($(chat, 'form.compose')).to.equal(null);
  });

  it('Q-2: answers go with session:start; what the server refuses shows next to each field', async () => {
    const fake = serverWith({ name: 'Shop', prechat: FORM, offline: null });
    let starts = 0;
    fake.handlers.set('session:start', () =>
      ++starts === 1
        ? fail('invalid_payload', 'Order number is required', [{ field: 'order', message: 'Order number is required' }])
        : { ok: true, value: { token: 'T'.repeat(43), session } },
    );
    const chat = await mountChat(fake);
    await fake.serverConnect();
    await waitUntil(() => $(chat, 'form.prechat'), 'form shown');
    ($(chat, '#prechat-name') as HTMLInputElement).value = '  Ada  ';
    ($(chat, 'form.prechat button[type=submit]') as HTMLButtonElement).click();
    await waitUntil(() => $(chat, '#prechat-order-error'), 'error shown');
    expect($(chat, '#prechat-order-error')?.textContent).to.equal('Order number is required');
    expect($(chat, '#prechat-order')?.getAttribute('aria-invalid')).to.equal('true');
    expect($(chat, '#prechat-order')?.getAttribute('aria-describedby')).to.equal('prechat-order-error');
    expect($(chat, '#prechat-name')?.getAttribute('aria-invalid')).to.equal('false');
    expect(sentPayload(fake, 'session:start')).to.deep.equal([{ prechat: { name: 'Ada' } }]);

    ($(chat, '#prechat-order') as HTMLInputElement).value = 'A-12';
    ($(chat, 'form.prechat button[type=submit]') as HTMLButtonElement).click();
    await waitUntil(() => $(chat, 'form.compose'), 'the message box replaces the form once the session started');
    expect($(chat, 'form.prechat')).to.equal(null);
    expect(sentPayload(fake, 'session:start')[1]).to.deep.equal({ prechat: { name: 'Ada', order: 'A-12' } });
    expect(chat.chat.state.session?.id).to.equal(session.id);
  });

  it('Q-1: a channel without a form shows the message box at once', async () => {
    const fake = serverWith({ name: 'Shop', prechat: null, offline: null });
    const chat = await mountChat(fake);
    await fake.serverConnect();
    await waitUntil(() => fake.sent.some((s) => s.event === 'channel:profile'), 'profile asked');
    await chat.updateComplete;
    expect($(chat, 'form.compose')).to.not.equal(null);
    expect($(chat, 'form.prechat')).to.equal(null);
  });

  it('O-1, O-2: offline, the widget says why and takes a message with an email', async () => {
    const fake = serverWith({ name: 'Shop', prechat: FORM, offline: 'hours' });
    fake.handlers.set('offline:leave', () => ({ ok: true, value: { id: 'off-1' } }));
    const chat = await mountChat(fake);
    await fake.serverConnect();
    await waitUntil(() => $(chat, 'form.offline'), 'offline form shown');
    expect($(chat, '.reason')?.textContent).to.contain('outside our opening hours');
    expect($(chat, 'form.prechat')).to.equal(null, 'offline comes before the pre-chat form');
    expect($(chat, 'form.compose')).to.equal(null);
    expect(($(chat, '#offline-email') as HTMLInputElement).required).to.equal(true);
    ($(chat, '#offline-email') as HTMLInputElement).value = 'ada@example.com';
    ($(chat, '#offline-name') as HTMLInputElement).value = 'Ada';
    ($(chat, '#offline-message') as HTMLTextAreaElement).value = 'Call me tomorrow';
    ($(chat, 'form.offline button[type=submit]') as HTMLButtonElement).click();
    await waitUntil(() => chat.shadowRoot!.textContent?.includes('Message sent'), 'confirmation');
    expect(sentPayload(fake, 'offline:leave')).to.deep.equal([{ email: 'ada@example.com', name: 'Ada', message: 'Call me tomorrow' }]);
    expect($(chat, '.offline strong')?.textContent).to.equal('ada@example.com');
  });

  it('O-1: nobody online is said in its own words', async () => {
    const fake = serverWith({ name: 'Shop', prechat: null, offline: 'nobody_online' });
    const chat = await mountChat(fake);
    await fake.serverConnect();
    await waitUntil(() => $(chat, '.reason'), 'offline form shown');
    expect($(chat, '.reason')?.textContent).to.contain('Nobody from our team is online');
  });

  it('O-1: an opened panel asks again, and keeps asking while it stays open, so the offline form follows', async () => {
    let offline: ChannelPublicProfile['offline'] = null;
    const fake = serverWith({ name: 'Shop', prechat: null, offline });
    fake.handlers.set('channel:profile', () => ({ ok: true, value: { name: 'Shop', prechat: null, offline } }));
    const chat = await mountChat(fake);
    await fake.serverConnect();
    await waitUntil(() => chat.chat.profile.profile, 'profile loaded');
    expect($(chat, 'form.offline')).to.equal(null);
    // The last member left while the panel was closed: opening it shows the offline form.
    offline = 'nobody_online';
    chat.open = true;
    await waitUntil(() => $(chat, 'form.offline'), 'offline form shown on open');
    // A member comes back while the visitor looks at it: the next ask brings the message box back.
    chat.chat.profile.refreshMs = 20;
    chat.open = false;
    await chat.updateComplete;
    chat.open = true;
    offline = null;
    await waitUntil(() => !$(chat, 'form.offline') && $(chat, 'textarea'), 'message box back while open');
    chat.open = false;
  });

  it('I-1: the identity goes in the handshake; a new one reconnects with it', async () => {
    const fake = serverWith({ name: 'Shop', prechat: null, offline: null });
    const chat = document.createElement('porthole-chat') as Awaited<ReturnType<typeof mountChat>>;
    chat.connect = fake.factory;
    chat.server = 'http://127.0.0.1:9';
    chat.channel = `id-${Date.now()}`;
    chat.identity = { id: 'u1', name: 'Ada', hash: 'ab'.repeat(32) };
    document.body.append(chat);
    await chat.updateComplete;
    await fake.serverConnect();
    expect((fake.auth as unknown as { identity: unknown }).identity).to.deep.equal({ id: 'u1', name: 'Ada', hash: 'ab'.repeat(32) });
    chat.identity = { id: 'u2' };
    await chat.updateComplete;
    expect(fake.disconnectCalls).to.equal(1);
    expect(fake.connectCalls).to.equal(1);
    await fake.serverConnect();
    expect((fake.auth as unknown as { identity: unknown }).identity).to.deep.equal({ id: 'u2' });
  });
});

describe('<porthole-widget> page API', () => {
  afterEach(() => document.querySelectorAll('porthole-widget').forEach((e) => e.remove()));

  const mount = () => {
    const w = document.createElement('porthole-widget') as PortholeWidget;
    w.setAttribute('server', 'http://127.0.0.1:9');
    w.setAttribute('channel', `api-${Date.now()}-${Math.random().toString(36).slice(2)}`);
    document.body.append(w);
    return w;
  };
  const chatOf = async (w: PortholeWidget) => {
    w.open();
    await waitUntil(() => w.shadowRoot!.querySelector('porthole-chat'), 'chat mounted');
    return w.shadowRoot!.querySelector('porthole-chat') as Awaited<ReturnType<typeof mountChat>>;
  };

  it('W-1: porthole-message is fired on the widget, bubbling and composed, with plain data', async () => {
    const w = mount();
    const chat = await chatOf(w);
    const heard = oneEvent<PortholeMessageEvent>(document, 'porthole-message');
    const m = message(3, 'Hello from Alex');
    chat.dispatchEvent(new CustomEvent('porthole-chat-message', { detail: m }));
    const e = await heard;
    expect(e.target).to.equal(w);
    expect(e.bubbles && e.composed).to.equal(true);
    expect(e.detail).to.deep.equal({
      id: m.id,
      sessionId: m.sessionId,
      seq: 3,
      text: 'Hello from Alex',
      author: { kind: 'technician', name: 'Alex' },
      direction: 'in',
      createdAt: m.createdAt,
    });
    expect(JSON.parse(JSON.stringify(e.detail))).to.deep.equal(e.detail, 'plain data');
  });

  it('W-1: the chat tells each live message once, its own ones included', async () => {
    const fake = new FakeSocket();
    fake.handlers.set('session:resume', () => ({ ok: true, value: { session, messages: [message(1, 'history')], permissions: [] } }));
    fake.handlers.set('messages:sync', () => ({ ok: true, value: [] }));
    const chat = await mountChat(fake);
    const told: string[] = [];
    chat.addEventListener('porthole-chat-message', (e) => told.push((e as CustomEvent<{ text: string }>).detail.text));
    await fake.serverConnect();
    await waitUntil(() => chat.chat.state.messages.length === 1, 'history shown');
    fake.push('message:created', message(2, 'live reply'));
    fake.push('message:created', message(2, 'live reply'));
    fake.push('message:created', { ...message(3, 'mine', { kind: 'visitor' }) });
    await waitUntil(() => told.length === 2, 'told');
    expect(told).to.deep.equal(['live reply', 'mine'], 'history is not told; a repeat is told once');
  });

  it('W-1: messages missed while offline and brought by catch-up are told; the first load is not', async () => {
    const fake = new FakeSocket();
    let stored = [message(1, 'history')];
    fake.handlers.set('session:resume', () => ({ ok: true, value: { session, messages: stored, permissions: [] } }));
    fake.handlers.set('messages:sync', (p) => {
      const after = (p as { afterSeq: number }).afterSeq;
      return { ok: true, value: stored.filter((m) => m.seq > after) };
    });
    const chat = await mountChat(fake);
    const told: string[] = [];
    chat.addEventListener('porthole-chat-message', (e) => told.push((e as CustomEvent<{ text: string }>).detail.text));
    await fake.serverConnect();
    await waitUntil(() => chat.chat.state.messages.length === 1, 'history shown');
    fake.serverDisconnect();
    stored = [...stored, message(2, 'sent while you were away'), message(3, 'and another')];
    await fake.serverConnect();
    await waitUntil(() => told.length === 2, 'missed messages told');
    expect(told).to.deep.equal(['sent while you were away', 'and another']);
    expect(chat.chat.state.messages.map((m) => m.seq)).to.deep.equal([1, 2, 3]);
  });

  it('I-1: identify() passes strings only to the chat, and null forgets the user', async () => {
    const w = mount();
    w.identify({ id: 'user-9', name: 'Ada', email: 'ada@example.com', hash: 'cd'.repeat(32), extra: 1 } as never);
    const chat = await chatOf(w);
    expect(chat.identity).to.deep.equal({ id: 'user-9', name: 'Ada', email: 'ada@example.com', hash: 'cd'.repeat(32) });
    w.identify({ id: 42 } as never);
    expect(chat.identity).to.equal(null);
    w.identify({ id: 'user-10' });
    expect(chat.identity).to.deep.equal({ id: 'user-10' });
    expect(() => w.identify(null)).to.not.throw();
    expect(chat.identity).to.equal(null);
  });
});
