import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { CreateReplayer } from '../../demo/console/cobrowse/replayer-loader.js';
import '../../demo/console/components/cobrowse-view.js';
import type { CobrowseView } from '../../demo/console/components/cobrowse-view.js';
import type { CobrowseWatch } from '../../demo/console/state/cobrowse-watch.js';
import { permission, session } from './fixtures.js';

/** A watch that only counts starts: no frame arrives, so the view stays before its first snapshot. */
function fakeWatch() {
  const calls = { start: 0, refresh: 0 };
  const watch = {
    start: () => calls.start++,
    stop: () => undefined,
    refresh: () => calls.refresh++,
    pointer: () => undefined,
    highlight: () => undefined,
  } as unknown as CobrowseWatch;
  return { calls, watch };
}

/** A loader whose fetches the test settles, one by one. */
function heldLoads() {
  const pending: { resolve: (c: CreateReplayer) => void; reject: (e: Error) => void }[] = [];
  const load = () => new Promise<CreateReplayer>((resolve, reject) => pending.push({ resolve, reject }));
  return { pending, load };
}

describe('C-15: the live view says so while the replayer is fetched', () => {
  const view = permission({ capability: 'view', status: 'granted' });
  const text = (el: CobrowseView, selector: string) => el.shadowRoot!.querySelector(selector)?.textContent?.trim() ?? '';

  it('shows "Loading the viewer…" until the chunk is there, then waits for the page', async () => {
    const { watch, calls } = fakeWatch();
    const loads = heldLoads();
    const el = await fixture<CobrowseView>(
      html`<cobrowse-view .session=${session()} .permissions=${[view]} .watch=${watch} .loadReplayer=${loads.load}></cobrowse-view>`,
    );
    await waitUntil(() => loads.pending.length === 1, 'the chunk was asked for');
    await el.updateComplete;
    expect(text(el, '.state')).to.equal('Loading the viewer…');
    expect(text(el, '.notice')).to.equal('Loading the live viewer…');
    expect(calls.start).to.equal(1, 'the stream is asked for meanwhile');
    loads.pending[0].resolve(() => {
      throw new Error('no snapshot arrives in this test');
    });
    await waitUntil(() => text(el, '.notice') === 'Waiting for the visitor’s page to arrive…', 'the view waits for the page');
    expect(text(el, '.state')).to.equal('Waiting for the page…');
  });

  it('says when the chunk could not be loaded; Refresh fetches it again', async () => {
    const { watch, calls } = fakeWatch();
    const loads = heldLoads();
    const el = await fixture<CobrowseView>(
      html`<cobrowse-view .session=${session()} .permissions=${[view]} .watch=${watch} .loadReplayer=${loads.load}></cobrowse-view>`,
    );
    await waitUntil(() => loads.pending.length === 1, 'the chunk was asked for');
    loads.pending[0].reject(new Error('offline'));
    await waitUntil(() => text(el, '.notice').startsWith('The live viewer could not be loaded'), 'the failure is shown');
    expect(text(el, '.state')).to.equal('Unavailable');
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.bar button')].find((b) => b.textContent?.trim() === 'Refresh')!.click();
    await waitUntil(() => loads.pending.length === 2, 'fetched again');
    await waitUntil(() => text(el, '.notice') === 'Loading the live viewer…', 'loading again');
    expect([calls.start, calls.refresh]).to.deep.equal([2, 0], 'a new start, not a snapshot request');
  });
});
