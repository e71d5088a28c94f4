import { expect, waitUntil } from '@open-wc/testing';
import { LiveReplay, type ReplayReport } from '../../demo/console/cobrowse/live-replay.js';
import { loadReplayer, type CreateReplayer, type ReplayerHost } from '../../demo/console/cobrowse/replayer-loader.js';
import { BatchEncoder } from '../../src/cobrowse/codec.js';
import type { CobrowseFrame } from '../../src/protocol/index.js';

const META = { type: 4, timestamp: 1, data: { href: 'https://shop.example/cart', width: 800, height: 600 } };
const text = (id: number, textContent: string) => ({ type: 3, textContent, id });
const SNAPSHOT = {
  type: 2,
  timestamp: 2,
  data: {
    node: {
      type: 0,
      id: 1,
      childNodes: [
        {
          type: 2,
          tagName: 'html',
          attributes: {},
          id: 2,
          childNodes: [{ type: 2, tagName: 'body', attributes: {}, id: 3, childNodes: [text(4, 'Hello from the cart')] }],
        },
      ],
    },
    initialOffset: { left: 0, top: 0 },
  },
};
const CHANGE = {
  type: 3,
  timestamp: 3,
  data: { source: 0, texts: [{ id: 4, value: 'Cart updated' }], attributes: [], removes: [], adds: [] },
};

/** The frames a widget would send for these batches, the first one full. */
async function framesOf(...batches: unknown[][]): Promise<CobrowseFrame[]> {
  const encoder = new BatchEncoder();
  const frames: CobrowseFrame[] = [];
  for (const [batch, events] of batches.entries()) {
    const { encoding, bytes } = await encoder.encode(events, batch === 0);
    frames.push({ sessionId: 's', recording: 'r1', batch, part: 0, parts: 1, full: batch === 0, encoding, data: bytes });
  }
  return frames;
}

function reporter() {
  const seen: string[] = [];
  const report: ReplayReport = {
    snapshot: ({ href }) => seen.push(`snapshot ${href}`),
    resized: () => undefined,
    activity: () => undefined,
    viewer: (state) => seen.push(`viewer ${state}`),
  };
  return { seen, report };
}

/** A loader the test releases, with a fake replayer that keeps the events it was given. */
function heldLoader() {
  const added: number[] = [];
  let release!: (create: CreateReplayer) => void;
  let refuse!: (e: Error) => void;
  const promise = new Promise<CreateReplayer>((resolve, reject) => {
    release = resolve;
    refuse = reject;
  });
  const host: ReplayerHost = {
    addEvent: (e) => added.push(e.type),
    nodeIdAt: () => null,
    node: () => null,
    idOf: () => -1,
    destroy: () => undefined,
  };
  return { added, load: () => promise, release: () => release(() => host), refuse: () => refuse(new Error('offline')) };
}

describe('C-15: the console fetches the replayer when a live view first needs it', () => {
  it('says it is loading; batches that arrive meanwhile play in order once it is there', async () => {
    const { seen, report } = reporter();
    const loader = heldLoader();
    const replay = new LiveReplay(document.createElement('div'), report, loader.load);
    expect(seen).to.deep.equal(['viewer loading']);
    for (const f of await framesOf([META, SNAPSHOT], [CHANGE])) replay.push(f);
    // Decoding is done; nothing can play without the replayer.
    await Promise.resolve();
    expect(loader.added).to.deep.equal([]);
    loader.release();
    await waitUntil(() => loader.added.length === 3, 'the waiting batches played');
    expect(loader.added).to.deep.equal([4, 2, 3]);
    expect(seen).to.deep.equal(['viewer loading', 'viewer ready', 'snapshot https://shop.example/cart']);
    expect(replay.recording).to.equal('r1');
  });

  it('says so when the replayer cannot be loaded, and plays nothing', async () => {
    const { seen, report } = reporter();
    const loader = heldLoader();
    const replay = new LiveReplay(document.createElement('div'), report, loader.load);
    for (const f of await framesOf([META, SNAPSHOT])) replay.push(f);
    loader.refuse();
    await waitUntil(() => seen.includes('viewer failed'), 'the failure was reported');
    expect(loader.added).to.deep.equal([]);
    expect(replay.recording).to.equal('');
  });

  it('the real chunk replays the page in its sandboxed iframe, and is fetched once', async () => {
    const { seen, report } = reporter();
    const root = document.createElement('div');
    document.body.append(root);
    const replay = new LiveReplay(root, report);
    for (const f of await framesOf([META, SNAPSHOT], [CHANGE])) replay.push(f);
    const iframe = () => root.querySelector('iframe');
    await waitUntil(() => iframe()?.contentDocument?.body?.textContent === 'Cart updated', 'the replay shows the page', { timeout: 5000 });
    expect(iframe()!.getAttribute('sandbox')).to.not.include('allow-scripts');
    expect(seen.slice(0, 2)).to.deep.equal(['viewer loading', 'viewer ready']);
    expect(replay.node(4)?.textContent).to.equal('Cart updated');
    expect(loadReplayer()).to.equal(loadReplayer());
    replay.close();
    root.remove();
  });
});
