import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { startCobrowse, type CobrowseHandle } from '../../src/cobrowse/cobrowse-session.js';
import { streamText } from './stream-text.js';
import type { CobrowseFrame } from '../../src/protocol/cobrowse.js';

describe('C-7: nothing inside a blocked element streams, open shadow roots included', () => {
  let handle: CobrowseHandle;
  let frames: CobrowseFrame[];

  afterEach(() => handle.stop());

  it('the pointer overlay, the bar and a blocked web component send none of their insides', async () => {
    const page = await fixture(
      html`<main>
        <p>Visible text</p>
        <secret-card data-porthole-block></secret-card>
      </main>`,
    );
    frames = [];
    handle = startCobrowse({ sessionId: 's1', technician: 'Ada Pointer', send: (f) => frames.push(f), onStop: () => undefined });
    await waitUntil(() => frames.length > 0, 'the first snapshot was sent');
    // After recording began: an open shadow root attached and filled, the way a lazy component renders.
    const card = page.querySelector('secret-card')!;
    const root = card.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>Account 1234-5678</p><input value="card-secret">';
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('p { color: rgb(1, 2, 3); }');
    root.adoptedStyleSheets = [sheet];
    root.querySelector('p')!.textContent = 'Account 8765-4321';
    handle.guide({ technician: 'Ada Pointer', x: 10, y: 10 });
    const marker = document.createElement('p');
    marker.textContent = 'after the blocked changes';
    page.append(marker);
    await waitUntil(async () => (await streamText(frames)).includes('after the blocked changes'), 'the later change was streamed');
    const sent = await streamText(frames);
    for (const secret of ['1234-5678', '8765-4321', 'card-secret', 'rgb(1, 2, 3)', 'Ada Pointer', 'Your screen is being viewed']) {
      expect(sent, secret).not.to.include(secret);
    }
    expect(sent).to.include('Visible text');
  });
});

describe('C-3: asks for a snapshot right after one', () => {
  it('are deferred, not dropped, and share one snapshot', async () => {
    await fixture(html`<main><p>Snapshot page</p></main>`);
    const frames: CobrowseFrame[] = [];
    const handle = startCobrowse({ sessionId: 's2', technician: 'Ada', send: (f) => frames.push(f), onStop: () => undefined });
    try {
      await waitUntil(() => frames.length > 0, 'the first snapshot was sent');
      // A console that joined just after the first snapshot, and another at once: one more snapshot for both.
      handle.snapshot();
      handle.snapshot();
      const fulls = async () =>
        (await streamText(frames))
          .split('\n')
          .flatMap((line) => JSON.parse(line) as { type: number }[])
          .filter((e) => e.type === 2).length;
      await waitUntil(async () => (await fulls()) === 2, 'a second full snapshot', { timeout: 3000 });
      const marker = document.createElement('p');
      marker.textContent = 'after the second snapshot';
      document.body.append(marker);
      await waitUntil(async () => (await streamText(frames)).includes('after the second snapshot'), 'a later change streamed');
      expect(await fulls()).to.equal(2, 'the two asks shared one snapshot');
      marker.remove();
    } finally {
      handle.stop();
    }
  });
});
