/**
 * The page side of the recorder bench (bundled by `recorder-cost.ts`): the demo site's catalogue,
 * and three ways to record it, started from the bench by name: `ours` (the widget's co-browse
 * pipeline as it runs after Allow: record, scrub, blocked filter, batches, compression, frames to a
 * sink), `plain` (`rrweb.record` from `@rrweb/record` with defaults, an emit that keeps the events),
 * `plain-json` (the same, keeping each event as JSON: the least any sender of it must do) and `none`. The scripted mutations are the same for all three.
 */
import { record } from '@rrweb/record';
import { startCobrowse } from '../../src/cobrowse/cobrowse-session.js';
import '../../demo/site-src/large-page.js';

type Kind = 'ours' | 'plain' | 'plain-json' | 'none';

let frames = 0;
let bytes = 0;
let events: unknown[] = [];
let onFrame: () => void = () => undefined;
/** Resolves at the next frame our pipeline hands to its sink. */
const nextFrame = () => new Promise<void>((resolve) => (onFrame = resolve));

/**
 * Starts recording in a task of the page's own (work run by the bench's evaluate is not counted as
 * the page's script time); resolves once the snapshot has left (ours compresses it off the main
 * thread first).
 */
async function start(kind: Kind): Promise<void> {
  await turn(0);
  begin(kind);
  if (kind === 'ours') await nextFrame();
}

function begin(kind: Kind): void {
  if (kind === 'plain') record({ emit: (e) => void events.push(e) });
  if (kind === 'plain-json') record({ emit: (e) => void events.push(JSON.stringify(e)) });
  if (kind !== 'ours') return;
  startCobrowse({
    sessionId: '00000000-0000-7000-8000-000000000000',
    technician: 'Bench',
    send: (frame) => {
      frames++;
      bytes += frame.data.byteLength;
      onFrame();
    },
    onStop: () => undefined,
  });
}

/** A macrotask later: rrweb's mutation callbacks (microtasks) and timers due by then have run. */
const turn = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `steps` steps of page changes, one every `gap` ms (longer than a batch's 30 ms, so every step
 * is a batch of its own in our pipeline): a heading text, a row's class, a row added and one
 * removed, a price changed, a field typed into, and a scroll. Ends once the last step's batch left.
 */
async function mutate(steps: number, gap: number): Promise<{ frames: number; bytes: number; events: number }> {
  frames = 0;
  bytes = 0;
  const h1 = document.querySelector('h1')!;
  const body = document.querySelector('tbody')!;
  const field = document.querySelector('input')!;
  for (let i = 0; i < steps; i++) {
    // First, on a laid-out page: a scroll after the changes would force a layout of the whole table
    // every step, which costs the page ten times what any recorder does and buries the difference.
    window.scrollTo(0, (i % 40) * 60);
    h1.textContent = `Parts catalogue, step ${i}`;
    const rows = body.rows;
    rows[(i * 37) % rows.length].classList.toggle('picked');
    const added = rows[(i * 53) % rows.length].cloneNode(true) as HTMLTableRowElement;
    added.cells[1].textContent = `Added part ${i}`;
    body.insertBefore(added, rows[(i * 71) % rows.length]);
    rows[(i * 89) % rows.length].remove();
    rows[(i * 13) % rows.length].cells[2].textContent = `€ ${(i % 50) + 0.25}`;
    field.value = `query ${i}`;
    field.dispatchEvent(new Event('input', { bubbles: true }));
    await turn(gap);
  }
  // Our last batch may still be compressing: wait for it to leave.
  if (frames > 0) await Promise.race([nextFrame(), turn(gap)]);
  const counts = { frames, bytes, events: events.length };
  events = [];
  return counts;
}

Object.assign(window, { recorderBench: { start, mutate } });
