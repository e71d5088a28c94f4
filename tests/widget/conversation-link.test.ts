import { expect, waitUntil } from '@open-wc/testing';
import { fail } from '../../src/protocol/errors.js';
import { loadToken } from '../../src/transport/visitor-token.js';
import { $, activeSession, mountChat, mountResumed, unmountChats } from './chat-fixtures.js';
import { FakeSocket } from './fake-socket.js';

const button = (chat: Element, text: string) =>
  [...chat.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);

describe('continuing the conversation on another device', () => {
  const home = `${location.pathname}${location.search}`;
  afterEach(() => {
    unmountChats();
    history.replaceState(null, '', home);
  });

  it('P-1: in a conversation, the visitor asks for a link by email and is told where it went', async () => {
    const fake = new FakeSocket();
    const chat = await mountResumed(fake, activeSession);
    fake.handlers.set('conversation:email-link', () => ({
      ok: true,
      value: { sentTo: 'ada@example.com', expiresAt: Date.now() + 86_400_000 },
    }));
    button(chat, 'Continue on another device')!.click();
    await waitUntil(() => $(chat, 'form.continue'), 'card shown');
    ($(chat, '#continue-email') as HTMLInputElement).value = ' ada@example.com ';
    ($(chat, 'form.continue button[type=submit]') as HTMLButtonElement).click();
    await waitUntil(() => $(chat, '.continue strong'), 'sent');
    expect(fake.sent.filter((s) => s.event === 'conversation:email-link').map((s) => s.payload)).to.deep.equal([
      { email: 'ada@example.com', pageUrl: location.href },
    ]);
    expect($(chat, '.continue strong')!.textContent).to.equal('ada@example.com');
    button(chat, 'Close')!.click();
    await waitUntil(() => !$(chat, '.continue'), 'closed');
  });

  it('P-1: what the server refuses is shown in the card', async () => {
    const fake = new FakeSocket();
    const chat = await mountResumed(fake, activeSession);
    fake.handlers.set('conversation:email-link', () => fail('unavailable', 'This server cannot send email; ask the team to set it up.'));
    button(chat, 'Continue on another device')!.click();
    await waitUntil(() => $(chat, 'form.continue'), 'card shown');
    ($(chat, '#continue-email') as HTMLInputElement).value = 'ada@example.com';
    ($(chat, 'form.continue button[type=submit]') as HTMLButtonElement).click();
    await waitUntil(() => $(chat, '.continue .error'), 'refusal shown');
    expect($(chat, '.continue .error')!.textContent).to.contain('cannot send email');
  });

  it('P-1: without a conversation there is nothing to continue, so nothing is offered', async () => {
    const fake = new FakeSocket();
    fake.handlers.set('session:resume', () => ({ ok: true, value: { session: null, messages: [], permissions: [] } }));
    const chat = await mountChat(fake);
    await fake.serverConnect();
    await waitUntil(() => button(chat, 'Get a support code'), 'tools shown');
    expect(button(chat, 'Continue on another device')).to.equal(undefined);
  });

  it('P-2: a page opened from the link redeems it, keeps the token, leaves the address clean and connects as that visitor', async () => {
    const token = 'L'.repeat(30);
    history.replaceState(null, '', `${location.pathname}?x=1&porthole-resume=${token}`);
    const fake = new FakeSocket();
    fake.handlers.set('conversation:pick-up', () => ({ ok: true, value: { token: 'visitor-token-from-link' } }));
    fake.handlers.set('session:resume', () => ({ ok: true, value: { session: activeSession, messages: [], permissions: [] } }));
    fake.handlers.set('messages:sync', () => ({ ok: true, value: [] }));
    const chat = await mountChat(fake);
    await fake.serverConnect();
    await waitUntil(() => fake.disconnectCalls === 1 && fake.connectCalls === 1, 'connects again');
    expect(fake.sent.find((s) => s.event === 'conversation:pick-up')?.payload).to.deep.equal({ link: token });
    expect(location.search).to.equal('?x=1');
    expect(await loadToken(chat.server, chat.channel)).to.equal('visitor-token-from-link');
    await fake.serverConnect();
    expect(fake.auth?.token).to.equal('visitor-token-from-link');
    await waitUntil(() => chat.chat.state.session?.id === activeSession.id, 'the conversation resumed');
  });

  it('P-2: a used or expired link says so and the visitor goes on as before', async () => {
    history.replaceState(null, '', `${location.pathname}?porthole-resume=${'U'.repeat(30)}`);
    const fake = new FakeSocket();
    fake.handlers.set('conversation:pick-up', () => fail('not_found', 'This link has expired or was already used.'));
    fake.handlers.set('session:resume', () => ({ ok: true, value: { session: null, messages: [], permissions: [] } }));
    const chat = await mountChat(fake);
    await fake.serverConnect();
    await waitUntil(() => chat.chat.state.link.status === 'failed', 'refusal');
    expect(fake.disconnectCalls).to.equal(0);
    expect(location.search).to.equal('');
    await waitUntil(() => fake.sent.some((s) => s.event === 'session:resume'), 'resumes as itself');
  });
});
