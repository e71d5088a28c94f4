import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../demo/console/components/conversation-view.js';
import type { ConversationView } from '../../demo/console/components/conversation-view.js';
import type { MessageView, SessionSummary } from '../../src/protocol/index.js';
import { needsRichText } from '../../src/rich-text/needs-rich-text.js';
import { HOSTILE, LINK_REL, pwned, resetPwned, unsafeParts } from '../support/safe-dom.js';
import { alex, FakeCommands, message, session } from './fixtures.js';

const HOSTILE_NAME = '**Sam** <img src=x onerror="window.__richTextPwned=1">';

function says(seq: number, text: string, author: MessageView['author'] = { kind: 'visitor' }): MessageView {
  return { ...message(seq), text, author };
}

async function mount(messages: MessageView[], over: Partial<SessionSummary> = {}) {
  const el = await fixture<ConversationView>(
    html`<conversation-view
      .session=${session(over)}
      .messages=${messages}
      .viewer=${{ id: alex.id, role: 'technician' }}
      .commands=${new FakeCommands()}
    ></conversation-view>`,
  );
  // Rich text comes from a lazy chunk: wait until every message is drawn, formatted where it needs it.
  const rich = messages.filter((m) => needsRichText(m.text)).length;
  await waitUntil(() => {
    const lines = el.shadowRoot?.querySelector('chat-panel')?.shadowRoot?.querySelector('.log');
    return lines?.querySelectorAll('[data-seq]').length === messages.length && lines.querySelectorAll('.rich').length === rich;
  }, 'the messages were not all drawn');
  return el;
}

/** The chat lives in `<chat-panel>`, inside the view. */
const chatRoot = (el: ConversationView) => el.shadowRoot!.querySelector('chat-panel')!.shadowRoot!;
const log = (el: ConversationView) => chatRoot(el).querySelector('.log')!;

describe('M-4 <conversation-view> message text', () => {
  beforeEach(resetPwned);

  it('formats links, bold, italic, code and lists, and keeps plain text as text', async () => {
    const el = await mount([
      says(1, 'It fails on **checkout**, see https://shop.example/cart?id=1 and _the_ `E42` code'),
      says(2, 'Did you try:\n- clearing the cache\n- another browser', { kind: 'technician', id: alex.id, name: alex.name }),
      says(3, '<b>plain</b> & simple'),
    ]);
    const [first, second] = [...log(el).querySelectorAll('.rich')];
    expect(first.querySelector('strong')!.textContent).to.equal('checkout');
    expect(first.querySelector('em')!.textContent).to.equal('the');
    expect(first.querySelector('code')!.textContent).to.equal('E42');
    const link = first.querySelector('a')!;
    expect([link.getAttribute('href'), link.target, link.rel]).to.deep.equal(['https://shop.example/cart?id=1', '_blank', LINK_REL]);
    expect([...second.querySelectorAll('ul > li')].map((li) => li.textContent)).to.deep.equal(['clearing the cache', 'another browser']);
    const plain = log(el).querySelector('[data-seq="3"] .text')!;
    expect([plain.tagName, plain.textContent, plain.children.length]).to.deep.equal(['SPAN', '<b>plain</b> & simple', 0]);
  });

  it('runs none of the hostile messages and leaves nothing off the allow-list', async () => {
    const el = await mount(HOSTILE.map(([, text], i) => says(i + 1, text)));
    const plain = HOSTILE.filter(([, text]) => !needsRichText(text)).map(([, text]) => text);
    expect([...log(el).querySelectorAll('span.text')].map((e) => e.textContent)).to.deep.equal(plain);
    expect([...log(el).querySelectorAll('.rich')].flatMap((r) => unsafeParts(r))).to.deep.equal([]);
    expect(pwned()).to.equal(false);
  });

  it('keeps names and labels as text', async () => {
    const el = await mount([says(1, 'hi *there*', { kind: 'technician', id: 't-sam', name: HOSTILE_NAME }), says(2, '**hello**')], {
      visitorLabel: HOSTILE_NAME,
      participants: [{ id: 't-sam', name: HOSTILE_NAME }],
    });
    const root = el.shadowRoot!;
    expect(root.querySelector('h2')!.textContent).to.equal(HOSTILE_NAME);
    expect([...chatRoot(el).querySelectorAll('.meta')].map((m) => m.textContent.split(' · ')[0])).to.deep.equal([
      HOSTILE_NAME,
      HOSTILE_NAME,
    ]);
    expect(root.querySelector('.people')!.textContent).to.contain(`With: ${HOSTILE_NAME}`);
    expect(root.querySelector('header img, h2 *')).to.equal(null);
    expect(chatRoot(el).querySelector('.meta *')).to.equal(null);
    expect(pwned()).to.equal(false);
  });
});
