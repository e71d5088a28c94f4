import { expect, fixture, html } from '@open-wc/testing';
import '../../demo/console/components/chat-panel.js';
import type { ChatPanel } from '../../demo/console/components/chat-panel.js';
import type { PendingReply } from '../../demo/console/state/chat-state-merge.js';
import type { MessageView, NoteView } from '../../src/protocol/index.js';
import { pwned, resetPwned } from '../support/safe-dom.js';
import { alex, FakeCommands, message, sam, session } from './fixtures.js';

const visitorSays = (seq: number, text: string, at = seq * 1000): MessageView => ({
  ...message(seq),
  text,
  author: { kind: 'visitor' },
  createdAt: at,
});
const alexSays = (seq: number, text: string, at = seq * 1000): MessageView => ({
  ...message(seq),
  text,
  author: { kind: 'technician', ...alex },
  createdAt: at,
});
const note = (seq: number, text: string, at: number): NoteView => ({
  id: `n${seq}`,
  sessionId: 's-1',
  seq,
  clientId: `note-${seq}-xxxx`,
  author: sam,
  text,
  createdAt: at,
});

async function mount(
  props: Partial<Pick<ChatPanel, 'messages' | 'notes' | 'outbox' | 'typing' | 'receipts'>> = {},
  commands = new FakeCommands(),
) {
  localStorage.removeItem('porthole.console.chatbar');
  const el = await fixture<ChatPanel>(html`<chat-panel .session=${session()} .commands=${commands}></chat-panel>`);
  Object.assign(el, props);
  await el.updateComplete;
  return { el, commands, root: el.shadowRoot! };
}

describe('<chat-panel>', () => {
  beforeEach(resetPwned);

  it('N-1: shows notes in the timeline by time, marked as internal, as text', async () => {
    const hostile = '<img src=x onerror="window.__richTextPwned=1">';
    const { root } = await mount({ messages: [visitorSays(1, 'hi', 1000), alexSays(2, 'hello', 3000)], notes: [note(1, hostile, 2000)] });
    const order = [...root.querySelectorAll('.log .msg')].map((m) =>
      m.classList.contains('note') ? 'note' : m.className.includes('visitor') ? 'visitor' : 'tech',
    );
    expect(order).to.deep.equal(['visitor', 'note', 'tech']);
    const shown = root.querySelector('.msg.note')!;
    expect(shown.querySelector('.meta')!.textContent).to.contain('Internal note');
    expect(shown.querySelector('.text')!.textContent).to.equal(hostile);
    expect(shown.querySelector('img')).to.equal(null);
    expect(pwned()).to.equal(false);
  });

  it('N-1: the composer sends a note in note mode, a reply otherwise, and types only for replies', async () => {
    const { el, root, commands } = await mount();
    const box = root.querySelector('textarea')!;
    box.value = 'ask them for the logs';
    box.dispatchEvent(new InputEvent('input'));
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    root.querySelectorAll<HTMLInputElement>('input[name=mode]')[1].click();
    await el.updateComplete;
    expect(root.querySelector('form')!.classList.contains('internal')).to.equal(true);
    box.value = 'customer seems to use a VPN';
    box.dispatchEvent(new InputEvent('input'));
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(commands.sent).to.deep.equal([
      { sessionId: 's-1', text: 'ask them for the logs', internal: false },
      { sessionId: 's-1', text: 'customer seems to use a VPN', internal: true },
    ]);
    expect(commands.typed).to.deep.equal([true, false], 'typing a note tells the visitor nothing');
  });

  it('Y-1: says who is typing', async () => {
    const { root } = await mount({ typing: [{ kind: 'visitor' }] });
    expect(root.querySelector('.typing')!.textContent).to.contain('Visitor 3F2A is typing');
  });

  it("D-1: shows how far the technicians' last message got", async () => {
    const { el, root } = await mount({ messages: [alexSays(1, 'first'), alexSays(2, 'second')] });
    expect(root.querySelector('.receipt')!.textContent).to.equal('Sent');
    el.receipts = { visitor: { sessionId: 's-1', side: 'visitor', deliveredSeq: 2, readSeq: 1 } };
    await el.updateComplete;
    expect([...root.querySelectorAll('.receipt')].map((r) => r.textContent)).to.deep.equal(['Delivered']);
  });

  it('keeps a failed reply on screen with Retry and Discard', async () => {
    const failed: PendingReply = {
      sessionId: 's-1',
      clientId: 'c-failed-1',
      text: 'sorry for the wait',
      internal: false,
      error: 'Not connected to the server.',
    };
    const { root, commands } = await mount({ outbox: [failed] });
    expect(root.querySelector('.msg.pending .failed')!.textContent).to.contain('Not connected');
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Retry')!.click();
    expect(commands.retried).to.deep.equal(['c-failed-1']);
  });

  it('hides and shows the chat bar, counting what arrived meanwhile, and remembers it', async () => {
    const { el, root } = await mount({ messages: [visitorSays(1, 'one')] });
    [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Hide chat')!.click();
    await el.updateComplete;
    expect(el.hasAttribute('collapsed')).to.equal(true);
    expect(root.querySelector('.log')).to.equal(null);
    el.messages = [visitorSays(1, 'one'), visitorSays(2, 'two'), visitorSays(3, 'three')];
    await el.updateComplete;
    expect(root.querySelector('.badge')!.textContent).to.equal('2');
    expect(JSON.parse(localStorage.getItem('porthole.console.chatbar')!)).to.deep.equal({ collapsed: true, floating: false });
    [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Unpin')!.click();
    [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Show chat')!.click();
    await el.updateComplete;
    expect([el.hasAttribute('collapsed'), el.hasAttribute('floating')]).to.deep.equal([false, true]);
    expect(root.querySelector('.badge')).to.equal(null);
  });
});
