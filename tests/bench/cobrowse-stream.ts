/**
 * Co-browse figures for `npm run bench` (or alone: `tsx tests/bench/cobrowse-stream.ts`): one
 * visitor co-browses the 10,000-element catalogue (`/large.html?rows=2000`) through the real server
 * to a real console while a script scrolls, moves the mouse and changes the page. Prints:
 * - change-to-replay latency (a text set on the visitor's page until it shows in the console's
 *   replay), p50 and p99, 1 session;
 * - bytes per minute of the same events: raw rrweb JSON, one socket.io message per event (the baseline),
 *   @rrweb/packer strings sent as socket.io text, fflate gzip of our batches, and ours
 *   (CompressionStream gzip of batches, as sent, frames' headers included).
 */
import { gzipSync as fflateGzip, strToU8 } from 'fflate';
import { pack } from '@rrweb/packer';
import { launchChromium } from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { allowView, captureFrames, cobrowseBatches, joinByLink, waitForReplay } from '../e2e/cobrowse-steps.js';
import { percentile } from './stats.js';

/** What {@link runCobrowseStream} measured. */
export interface CobrowseFigures {
  seconds: number;
  latency: { p50: number; p99: number; samples: number };
  bytesPerMinute: { raw: number; packer: number; fflate: number; ours: number };
}

/** Runs the scenario for `seconds` against `server`. */
export async function runCobrowseStream(server: ServerProcess, seconds: number): Promise<CobrowseFigures> {
  const browser = await launchChromium();
  try {
    const visitor = await (await browser.newContext({ viewport: { width: 1200, height: 800 } })).newPage();
    const tech = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    const frames = captureFrames(visitor);
    await joinByLink(tech, visitor, server, '/large.html', { rows: '2000' });
    await allowView(tech, visitor);
    await waitForReplay(tech, 'P-01999', 60_000);

    const start = frames.length;
    // Chained batches decode only from their snapshot on: decode everything, keep what came after.
    const batchesBefore = cobrowseBatches(frames).length;
    const began = Date.now();
    const latencies: number[] = [];
    for (let i = 0; Date.now() - began < seconds * 1000; i++) {
      const mark = `bench-mark-${i}`;
      const sentAt = Date.now();
      await visitor.evaluate((m) => {
        document.querySelector('h1')!.textContent = m;
        window.scrollBy(0, 40);
      }, mark);
      await visitor.mouse.move(100 + (i % 20) * 30, 200 + (i % 7) * 20);
      await waitForReplay(tech, mark, 10_000);
      latencies.push(Date.now() - sentAt);
    }
    const elapsedMin = (Date.now() - began) / 60_000;

    const sent = frames.slice(start);
    const batches = cobrowseBatches(frames).slice(batchesBefore);
    const events = batches.flatMap((b) => JSON.parse(b.json) as unknown[]);
    // Raw rrweb as most integrations send it: one socket.io text message per event.
    const message = (payload: string) => Buffer.byteLength(`42/widget,["cobrowse:event",${payload}]`);
    const raw = events.reduce<number>((n, e) => n + message(JSON.stringify(e)), 0);
    // Packer output is a string; over socket.io it travels JSON-escaped inside the packet.
    const packer = events.reduce<number>((n, e) => n + message(JSON.stringify(pack(e as Parameters<typeof pack>[0]))), 0);
    const fflate = batches.reduce((n, b) => n + fflateGzip(strToU8(b.json)).byteLength, 0);
    const ours = sent.reduce((n, f) => n + (typeof f === 'string' ? Buffer.byteLength(f) : f.byteLength), 0);
    return {
      seconds,
      latency: { p50: percentile(latencies, 50), p99: percentile(latencies, 99), samples: latencies.length },
      bytesPerMinute: { raw: raw / elapsedMin, packer: packer / elapsedMin, fflate: fflate / elapsedMin, ours: ours / elapsedMin },
    };
  } finally {
    await browser.close();
  }
}

/** Prints {@link CobrowseFigures} with every size as a ratio to raw rrweb. */
export function printCobrowse(f: CobrowseFigures): void {
  const kb = (n: number) => `${(n / 1000).toFixed(1)} kB/min`;
  const ratio = (n: number) => `${(n / f.bytesPerMinute.raw).toFixed(2)}x`;
  console.log(`\nco-browse, 10,000-element page, ${f.seconds} s of scrolling, mouse moves and changes, 1 session`);
  console.log(
    `change on the visitor's page -> shown in the console's replay: p50 ${f.latency.p50} ms, p99 ${f.latency.p99} ms (${f.latency.samples} changes)`,
  );
  console.log('stream                                   | bytes/min      | vs raw');
  const rows: [string, number][] = [
    ['raw rrweb JSON, event by event', f.bytesPerMinute.raw],
    ['@rrweb/packer, as socket.io text', f.bytesPerMinute.packer],
    ['gzip of each batch alone, no header', f.bytesPerMinute.fflate],
    ['ours: chained deflate, binary frames', f.bytesPerMinute.ours],
  ];
  for (const [name, n] of rows) console.log(`${name.padEnd(40)} | ${kb(n).padStart(14)} | ${ratio(n)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startServerProcess({ env: { LOG_LEVEL: 'error' } });
  try {
    printCobrowse(await runCobrowseStream(server, Number(process.env.BENCH_SECONDS ?? 10)));
  } finally {
    await server.stop();
  }
}
