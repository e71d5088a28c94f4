import { expect, waitUntil } from '@open-wc/testing';
import type { PortholeChat } from '../../src/chat/porthole-chat.js';
import { needsRichText } from '../../src/rich-text/needs-rich-text.js';
import { HOSTILE, LINK_REL, pwned, resetPwned, unsafeParts } from '../support/safe-dom.js';
import { $, message, mountChat, session, unmountChats } from './chat-fixtures.js';
import { FakeSocket } from './fake-socket.js';

/** Resources this page fetched for the rich-text chunk: its modules and DOMPurify. */
const richTextFetches = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((name) => /rich-text\/(?!needs-rich-text)|dompurify/.test(name));

const log = (chat: PortholeChat) => $(chat, '.log')!;

async function mountWith(fake: FakeSocket, history: ReturnType<typeof message>[]): Promise<PortholeChat> {
  fake.handlers.set('session:resume', () => ({ ok: true, value: { session, messages: history } }));
  fake.handlers.set('messages:sync', () => ({ ok: true, value: [] }));
  const chat = await mountChat(fake);
  await fake.serverConnect();
  await waitUntil(() => chat.shadowRoot!.querySelectorAll('.msg').length === history.length, 'history rendered');
  return chat;
}

describe('M-4 <porthole-chat> rich text', () => {
  beforeEach(resetPwned);
  afterEach(unmountChats);

  // One test, in order: the page must not have loaded the chunk before the first formatted message.
  it('shows plain text without fetching the renderer, then formats a message once it has loaded it', async () => {
    const fake = new FakeSocket();
    const plain = ['Thanks, it works now', '<b>not bold</b> & <img src=x>', 'two\nlines', 'rated 3.5 - great'];
    const chat = await mountWith(
      fake,
      plain.map((t, i) => message(i + 1, t)),
    );
    await new Promise((r) => setTimeout(r, 50));
    expect([...log(chat).querySelectorAll('.text')].map((e) => e.textContent)).to.deep.equal(plain);
    expect(log(chat).querySelector('.rich, b, img')).to.equal(null);
    expect(richTextFetches()).to.deep.equal([]);

    const formatted = 'Please **restart** the app, then open https://example.com/help';
    fake.push('message:created', message(5, formatted));
    await chat.updateComplete;
    // Until the chunk arrives, the message shows as the text it is.
    expect(log(chat).querySelector('[data-seq="5"] .text')!.textContent).to.equal(formatted);

    await waitUntil(() => log(chat).querySelector('[data-seq="5"] .rich'), 'formatted once the renderer loaded');
    expect(richTextFetches().length).to.be.above(0);
    const rich = log(chat).querySelector('[data-seq="5"] .rich')!;
    expect(rich.querySelector('strong')!.textContent).to.equal('restart');
    const link = rich.querySelector('a')!;
    expect([link.getAttribute('href'), link.target, link.rel, link.textContent]).to.deep.equal([
      'https://example.com/help',
      '_blank',
      LINK_REL,
      'https://example.com/help',
    ]);
    // Plain messages stay text bindings.
    expect(log(chat).querySelectorAll('.rich').length).to.equal(1);
  });

  it('renders lists and code, and keeps the technician name as text', async () => {
    const fake = new FakeSocket();
    const name = '**Alex** <img src=x onerror="window.__richTextPwned=1">';
    const chat = await mountWith(fake, [
      message(1, 'Steps:\n1. Open *Settings*\n2. Run `reset --all`\n\n- done', { kind: 'technician', id: 't1', name }),
    ]);
    await waitUntil(() => log(chat).querySelector('.rich'), 'formatted');
    const rich = log(chat).querySelector('.rich')!;
    expect([...rich.querySelectorAll('ol > li')].map((li) => li.textContent)).to.deep.equal(['Open Settings', 'Run reset --all']);
    expect(rich.querySelector('em')!.textContent).to.equal('Settings');
    expect(rich.querySelector('code')!.textContent).to.equal('reset --all');
    expect(rich.querySelector('ul > li')!.textContent).to.equal('done');
    expect(log(chat).querySelector('.who')!.textContent).to.equal(name);
    expect(log(chat).querySelector('.who *')).to.equal(null);
  });

  it('formats the visitor’s own pending message the same way', async () => {
    const fake = new FakeSocket();
    const chat = await mountWith(fake, []);
    fake.serverDisconnect();
    chat.chat.send('my code is `E42` on **www.example.com**');
    await waitUntil(() => log(chat).querySelector('.pending .rich a'), 'pending message formatted');
    expect(log(chat).querySelector('.pending .rich code')!.textContent).to.equal('E42');
  });

  it('runs none of the hostile messages and leaves nothing off the allow-list in the log', async () => {
    const fake = new FakeSocket();
    const chat = await mountWith(
      fake,
      HOSTILE.map(([, text], i) => message(i + 1, text)),
    );
    // Those without marks or links never reach the renderer: a text binding shows them as typed.
    const plain = HOSTILE.filter(([, text]) => !needsRichText(text));
    await waitUntil(() => log(chat).querySelectorAll('.rich').length === HOSTILE.length - plain.length, 'formatted ones rendered');
    await new Promise((r) => setTimeout(r, 50));
    const texts = [...log(chat).querySelectorAll('span.text')].map((e) => e.textContent);
    expect(texts).to.deep.equal(plain.map(([, text]) => text));
    const parts = [...log(chat).querySelectorAll('.rich')].flatMap((r) => unsafeParts(r));
    expect(parts).to.deep.equal([]);
    expect(pwned()).to.equal(false);
  });
});
