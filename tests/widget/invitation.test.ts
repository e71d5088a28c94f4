import { expect, waitUntil } from '@open-wc/testing';
import { tokenKey } from '../../src/transport/visitor-token.js';
import { get } from 'idb-keyval';
import { $, activeSession, button, message, mountChat, unmountChats } from './chat-fixtures.js';
import { FakeSocket } from './fake-socket.js';

const LINK = 'inv_' + 'A'.repeat(30);
const VISITOR_TOKEN = 'V'.repeat(43);
const originalSearch = location.search;
const original = `${location.pathname}${location.search}${location.hash}`;

/** Puts `?porthole=<token>` in the address bar, after the test runner's own parameters. */
function openedFromLink(token: string): void {
  history.replaceState(null, '', `${location.pathname}${location.search}&porthole=${token}${location.hash}`);
}

describe('invitation link and PIN', () => {
  afterEach(() => {
    unmountChats();
    history.replaceState(null, '', original);
  });

  it('S-5: opens the link the page was loaded with, keeps the token, and strips the parameter', async () => {
    openedFromLink(LINK);
    const fake = new FakeSocket();
    fake.handlers.set('session:join', () => ({
      ok: true,
      value: { session: activeSession, messages: [message(1, 'Hi, I am Alex. I sent you the link.')], token: VISITOR_TOKEN },
    }));
    fake.handlers.set('messages:sync', () => ({ ok: true, value: [] }));
    const chat = await mountChat(fake);
    const joined = fake.nextEmit('session:join');
    await fake.serverConnect();
    expect(await joined).to.deep.equal({ link: LINK });
    expect(fake.sent.some((s) => s.event === 'session:resume')).to.equal(false);

    await waitUntil(() => chat.chat.state.session?.id === activeSession.id, 'joined session shown');
    await chat.updateComplete;
    expect($(chat, '.msg .text')?.textContent).to.equal('Hi, I am Alex. I sent you the link.');
    expect($(chat, 'header p')?.textContent).to.equal('Alex is helping you');
    expect(new URLSearchParams(location.search).has('porthole')).to.equal(false);
    // The runner's own parameters survive, byte for byte.
    expect(location.search).to.equal(originalSearch);
    expect(await get(tokenKey(chat.server, chat.channel))).to.equal(VISITOR_TOKEN);

    // A reconnect resumes with the stored token instead of opening the used link again.
    fake.handlers.set('session:resume', () => ({ ok: true, value: { session: activeSession, messages: [], permissions: [] } }));
    fake.serverDisconnect();
    await fake.serverConnect();
    expect(fake.auth?.token).to.equal(VISITOR_TOKEN);
    expect(fake.sent.filter((s) => s.event === 'session:join')).to.have.length(1);
  });

  it('explains a used or expired link and leaves the chat usable', async () => {
    openedFromLink(LINK);
    const fake = new FakeSocket();
    fake.handlers.set('session:join', () => ({
      ok: false,
      error: 'not_found',
      message: 'This invitation was already used or has expired.',
    }));
    fake.handlers.set('session:resume', () => ({ ok: true, value: { session: null, messages: [], permissions: [] } }));
    const chat = await mountChat(fake);
    await fake.serverConnect();
    await waitUntil(() => $(chat, '.notice.problem') !== null, 'link failure shown');
    expect($(chat, '.notice.problem')!.textContent).to.contain('already been used or has expired');
    expect(new URLSearchParams(location.search).has('porthole')).to.equal(false);
    // Falls back to the visitor's own conversation, and can still write.
    await waitUntil(() => fake.sent.some((s) => s.event === 'session:resume'), 'resumed after the failed join');
    expect($(chat, 'textarea')).to.not.equal(null);
    const started = fake.nextEmit('session:start');
    chat.chat.send('The link did not work');
    await started;
  });

  it('J-1: joins with a PIN typed in the panel and shows why it was refused when rate limited', async () => {
    const fake = new FakeSocket();
    fake.handlers.set('session:resume', () => ({ ok: true, value: { session: null, messages: [], permissions: [] } }));
    const serverMessage = 'Too many wrong attempts (at most 6 a minute). Wait a little, or use the invitation link.';
    fake.handlers.set('session:join', () => ({
      ok: false,
      error: 'rate_limited',
      message: serverMessage,
      details: { retryAfterMs: 60_000 },
    }));
    const chat = await mountChat(fake);
    await fake.serverConnect();

    button(chat, 'Have a PIN from a technician?').click();
    await chat.updateComplete;
    const input = $(chat, 'form.pin input') as HTMLInputElement;
    expect(chat.shadowRoot!.activeElement).to.equal(input);
    input.value = '123 456';
    const sent = fake.nextEmit('session:join');
    button(chat, 'Join').click();
    expect(await sent).to.deep.equal({ pin: '123456' });
    await waitUntil(() => $(chat, '#pin-error')?.textContent?.includes('Too many attempts'), 'rate limit explained');
    expect($(chat, '#pin-error')!.textContent).to.contain(serverMessage);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
  });

  it('refuses a mistyped PIN without asking the server, then joins with the right one', async () => {
    const fake = new FakeSocket();
    fake.handlers.set('session:resume', () => ({ ok: true, value: { session: null, messages: [], permissions: [] } }));
    fake.handlers.set('session:join', () => ({ ok: true, value: { session: activeSession, messages: [], token: VISITOR_TOKEN } }));
    fake.handlers.set('messages:sync', () => ({ ok: true, value: [] }));
    const chat = await mountChat(fake);
    await fake.serverConnect();
    chat.chat.invitation.openPin();
    await chat.updateComplete;
    const input = $(chat, 'form.pin input') as HTMLInputElement;
    input.value = '12345';
    button(chat, 'Join').click();
    await chat.updateComplete;
    expect($(chat, '#pin-error')!.textContent).to.contain('Enter the 6 digits');
    expect(fake.sent.some((s) => s.event === 'session:join')).to.equal(false);

    input.value = '654-321';
    button(chat, 'Join').click();
    await waitUntil(() => chat.chat.state.session?.id === activeSession.id, 'joined by PIN');
    await chat.updateComplete;
    expect($(chat, 'form.pin')).to.equal(null);
    expect(await get(tokenKey(chat.server, chat.channel))).to.equal(VISITOR_TOKEN);
  });
});
