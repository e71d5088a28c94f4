import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { startCobrowse, type CobrowseHandle } from '../../src/cobrowse/cobrowse-session.js';
import { streamText } from './stream-text.js';
import type { HiddenView } from '../../src/cobrowse/hidden-view.js';
import type { CobrowseFrame } from '../../src/protocol/cobrowse.js';

describe('C-14: "What is hidden" shows the visitor what the technician cannot see', () => {
  let handle: CobrowseHandle;
  let frames: CobrowseFrame[];
  let page: HTMLElement;

  beforeEach(async () => {
    page = await fixture(
      html`<main style="display: grid; gap: 12px; padding: 40px; width: 400px">
        <input id="email" type="email" />
        <input type="password" />
        <input type="submit" value="Go" />
        <p id="card" data-porthole-mask>Card ending 4242</p>
        <p id="public">Public text</p>
        <div id="blocked" data-porthole-block style="height: 50px"><input id="inside" /></div>
        <div id="rr" class="rr-block" style="height: 30px">rrweb block</div>
        <shadow-host></shadow-host>
      </main>`,
    );
    const host = page.querySelector('shadow-host')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<input id="shadowed">';
    frames = [];
    handle = startCobrowse({ sessionId: 's1', technician: 'Ada', send: (f) => frames.push(f), onStop: () => undefined });
    await waitUntil(() => frames.length > 0, 'the first snapshot was sent');
  });

  afterEach(() => handle.stop());

  const bar = () => document.querySelector('porthole-viewing-bar')!.shadowRoot!;
  const toggle = () => bar().querySelector<HTMLButtonElement>('button.hidden-toggle')!;
  const boxes = () => document.querySelector<HiddenView>('porthole-hidden-view')?.outlines() ?? [];

  it('outlines every masked field and text and every blocked element, labelled, over the very elements', async () => {
    const before = page.outerHTML;
    expect(toggle().textContent).to.equal('What is hidden');
    toggle().click();
    expect(toggle().getAttribute('aria-pressed')).to.equal('true');
    // The overlay is a chunk of its own, loaded on the first click.
    await waitUntil(() => customElements.get('porthole-hidden-view'), 'the overlay chunk loaded');
    const shown = boxes().map((b) => b.querySelector('.label')?.textContent);
    // Email, password, the masked paragraph and the shadow root's field are masked; the blocked div
    // (with its field inside it, counted once) and the rr-block div are blocked; the submit button and public text are neither.
    expect(shown.filter((l) => l === 'masked').length).to.equal(4);
    expect(shown.filter((l) => l === 'blocked').length).to.equal(2);
    const card = page.querySelector('#card')!.getBoundingClientRect();
    const cardBox = boxes().find((b) => Math.abs(b.getBoundingClientRect().top - card.top) < 1)!;
    expect(cardBox, 'a box over the masked paragraph').to.exist;
    expect(Math.abs(cardBox.getBoundingClientRect().width - card.width)).to.be.below(1);
    expect(page.outerHTML, 'the page itself is untouched').to.equal(before);
  });

  it('follows changes of the page and goes away when toggled off or when viewing stops', async () => {
    toggle().click();
    await waitUntil(() => customElements.get('porthole-hidden-view'), 'the overlay chunk loaded');
    const count = boxes().length;
    const added = document.createElement('textarea');
    page.append(added);
    await waitUntil(() => boxes().length === count + 1, 'the new field is outlined');
    toggle().click();
    expect(document.querySelector('porthole-hidden-view')).to.equal(null);
    toggle().click();
    handle.stop();
    expect(document.querySelector('porthole-hidden-view')).to.equal(null);
  });

  it('C-7: the outlines never appear in the stream', async () => {
    toggle().click();
    await waitUntil(() => boxes().length > 0, 'outlines shown');
    // A change after the overlay: once its batch is out, anything the overlay caused would be too.
    const marker = document.createElement('p');
    marker.textContent = 'after the overlay';
    page.append(marker);
    await waitUntil(async () => (await streamText(frames)).includes('after the overlay'), 'the change was streamed');
    const sent = await streamText(frames);
    expect(sent).not.to.match(/"(masked|blocked)"/);
    expect(sent).not.to.include('dashed');
    expect(sent).not.to.include('box masked');
  });
});
