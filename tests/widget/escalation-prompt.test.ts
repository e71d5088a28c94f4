import { expect, waitUntil } from '@open-wc/testing';
import type { EscalationTicketView } from '../../src/protocol/support-client.js';
import { detectOs } from '../../src/session/client-os.js';
import type { PortholeChat } from '../../src/chat/porthole-chat.js';
import { $, activeSession, mountResumed, permission, unmountChats } from './chat-fixtures.js';
import { FakeSocket } from './fake-socket.js';

const ticket = (over: Partial<EscalationTicketView> = {}): EscalationTicketView => ({
  token: 't'.repeat(43),
  code: '123456789',
  expiresAt: Date.now() + 1_800_000,
  downloads: {
    windows: 'https://dl.example.com/Support.exe?porthole_ticket=tok',
    macos: '/downloads/porthole-support.mjs?ticket=tok',
    linux: '/downloads/porthole-support.mjs?ticket=tok',
  },
  ...over,
});

/** An element inside the lazily loaded prompt's shadow root. */
const inPrompt = (chat: PortholeChat, selector: string): HTMLElement | null =>
  $(chat, 'porthole-escalation')?.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;

const granted = permission({ capability: 'escalate', status: 'granted', answeredAt: Date.now() });

describe('support client download prompt', () => {
  afterEach(unmountChats);

  it('E-2: after the escalation is granted, asks for a ticket and offers the download and the code', async () => {
    const fake = new FakeSocket();
    fake.handlers.set('escalation:ticket', () => ({ ok: true, value: ticket() }));
    const asked = fake.nextEmit('escalation:ticket');
    const chat = await mountResumed(fake, activeSession, [granted]);
    expect(await asked).to.deep.equal({ sessionId: activeSession.id });
    await waitUntil(() => inPrompt(chat, '.escalation a.download') !== null, 'download shown');
    const card = inPrompt(chat, '.escalation')!;
    expect(card.querySelector('.digits')!.textContent).to.equal('123 456 789');
    const links = [...card.querySelectorAll('a')].map((a) => a.textContent.trim());
    expect(links).to.have.length(3);
    expect(links.some((l) => l.startsWith('Download for'))).to.equal(true);
    // Server paths resolve against the Porthole server; other hosts' links stay as the channel set them.
    const hrefs = [...card.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).to.include('https://dl.example.com/Support.exe?porthole_ticket=tok');
    expect(hrefs.some((h) => h!.startsWith('http') && h!.endsWith('/downloads/porthole-support.mjs?ticket=tok'))).to.equal(true);
  });

  it('E-1: no grant, no prompt and no ticket request; a withdrawn grant removes the prompt', async () => {
    const fake = new FakeSocket();
    fake.handlers.set('escalation:ticket', () => ({ ok: true, value: ticket() }));
    const chat = await mountResumed(fake, activeSession, [granted]);
    await waitUntil(() => inPrompt(chat, '.escalation a.download') !== null, 'download shown');
    fake.push('permission:updated', { ...granted, status: 'revoked' });
    await chat.updateComplete;
    expect($(chat, 'porthole-escalation')).to.equal(null);
    const fresh = new FakeSocket();
    const other = await mountResumed(fresh, activeSession, [permission({ capability: 'view', status: 'granted' })]);
    await other.updateComplete;
    expect($(other, 'porthole-escalation')).to.equal(null);
    expect(fresh.sent.some((s) => s.event === 'escalation:ticket')).to.equal(false);
  });

  it('E-1: "New download and code" asks for a new ticket; a refusal is shown with a retry', async () => {
    const fake = new FakeSocket();
    let n = 0;
    fake.handlers.set('escalation:ticket', () =>
      ++n === 1 ? { ok: true, value: ticket() } : { ok: false, error: 'forbidden', message: 'Not allowed.' },
    );
    const chat = await mountResumed(fake, activeSession, [granted]);
    await waitUntil(() => inPrompt(chat, '.escalation .digits') !== null, 'code shown');
    inPrompt(chat, 'button.link')!.click();
    await waitUntil(() => inPrompt(chat, '.escalation .error') !== null, 'refusal shown');
    expect(inPrompt(chat, '.escalation .error')!.textContent).to.contain('Not allowed.');
    expect(n).to.equal(2);
  });

  it('E-2: the first button is for the visitor’s system, from client hints or the user agent', () => {
    expect(detectOs({ userAgentData: { platform: 'Windows' } })).to.equal('windows');
    expect(detectOs({ userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)' })).to.equal('macos');
    expect(detectOs({ userAgent: 'Mozilla/5.0 (X11; Linux x86_64)' })).to.equal('linux');
    expect(detectOs({ userAgent: 'Mozilla/5.0 (Linux; Android 14)' })).to.equal(null);
    expect(detectOs({ userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)' })).to.equal(null);
  });
});
