/**
 * Co-browse figures for `npm run bench` (or alone: `tsx tests/bench/cobrowse-stream.ts`): one
 * visitor co-browses the 10,000-element catalogue (`/large.html?rows=2000`) through the real server
 * to a real console while a script scrolls, moves the mouse and changes the page. Prints:
 * - change-to-replay latency (a text set on the visitor's page until it shows in the console's
 *   replay), p50 and p99, 1 session;
 * - bytes per minute of the live stream (every batch but snapshots, which come when a watcher asks
 *   and are shown apart), at the script's fixed pace: raw rrweb JSON, one socket.io message per
 *   event (the baseline), @rrweb/packer strings sent as socket.io text, fflate gzip of each batch
 *   alone, and ours (the co-browse packets as sent: socket.io's text packet and the binary frame).
 */
import { gzipSync as fflateGzip, strToU8 } from 'fflate';
import { pack } from '@rrweb/packer';
import type { WebSocket } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { allowView, captureFrames, cobrowseBatches, joinByLink, waitForReplay } from '../e2e/cobrowse-steps.js';
import { percentile } from './stats.js';

/** What {@link runCobrowseStream} measured. */
export interface CobrowseFigures {
  seconds: number;
  steps: number;
  latency: { p50: number; p99: number; samples: number };
  /** The live stream (every batch but snapshots), per minute of the scripted pace. */
  bytesPerMinute: { raw: number; packer: number; fflate: number; ours: number };
  /** One full snapshot of the page: raw rrweb JSON as one socket.io message, and ours as sent. */
  snapshot: { raw: number; ours: number };
}

/**
 * One step of the script every STEP_MS: longer than rrweb's slowest throttle (mouse moves are
 * emitted at most every 500 ms), and the mouse moves only after the change's batch has left, so each
 * step's events leave in the same batches every run and the byte figures do not depend on how fast
 * the machine is. The earlier loop went as fast as the
 * replay came back (so its bytes per minute followed the latency), and counted whatever was sent,
 * including a snapshot that a second watch ask sometimes put inside the window (6,467 kB/min of
 * raw events with it, 381 without).
 */
const STEP_MS = 600;

const message = (payload: string) => Buffer.byteLength(`42/widget,["cobrowse:event",${payload}]`);

/** Runs the scenario for `seconds` (at {@link STEP_MS} a step) against `server`. */
export async function runCobrowseStream(server: ServerProcess, seconds: number): Promise<CobrowseFigures> {
  const browser = await launchChromium();
  try {
    const visitor = await (await browser.newContext({ viewport: { width: 1200, height: 800 } })).newPage();
    const tech = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    const frames = captureFrames(visitor);
    const sockets: WebSocket[] = [];
    visitor.on('websocket', (ws) => sockets.push(ws));
    // The next co-browse batch the page sends (its socket.io text packet comes first).
    const nextBatch = () =>
      sockets.at(-1)!.waitForEvent('framesent', {
        predicate: ({ payload }) => typeof payload === 'string' && payload.startsWith('451-/widget,'),
        timeout: 10_000,
      });
    await joinByLink(tech, visitor, server, '/large.html', { rows: '2000' });
    await allowView(tech, visitor);
    await waitForReplay(tech, 'P-01999', 60_000);

    // Chained batches decode only from their snapshot on: decode everything, keep what came after.
    const batchesBefore = cobrowseBatches(frames).length;
    const steps = Math.max(1, Math.round((seconds * 1000) / STEP_MS));
    const latencies: number[] = [];
    const began = Date.now();
    for (let i = 0; i < steps; i++) {
      const mark = `bench-mark-${i}`;
      const sentAt = Date.now();
      await visitor.evaluate(
        ([m, y]) => {
          document.querySelector('h1')!.textContent = m;
          window.scrollTo(0, y);
        },
        [mark, (i % 10) * 40] as const,
      );
      await waitForReplay(tech, mark, 10_000);
      latencies.push(Date.now() - sentAt);
      // Apart from the change, so the two never share a batch in one run and not in another.
      const moved = nextBatch();
      await visitor.mouse.move(100 + (i % 20) * 30, 200 + (i % 7) * 20, { steps: 4 });
      await moved;
      // The script's pace: the next step at its time (a slow replay delays it, never the count).
      const next = began + (i + 1) * STEP_MS - Date.now();
      if (next > 0) await visitor.waitForTimeout(next);
    }
    // The last step's trailing events (rrweb's throttles) are sent within STEP_MS; the pace above waited for them.

    const all = cobrowseBatches(frames);
    const snapshot = all.find((b) => b.full)!;
    const live = all.slice(batchesBefore).filter((b) => !b.full);
    const events = live.flatMap((b) => JSON.parse(b.json) as unknown[]);
    // Raw rrweb as most integrations send it: one socket.io text message per event.
    const raw = events.reduce<number>((n, e) => n + message(JSON.stringify(e)), 0);
    // Packer output is a string; over socket.io it travels JSON-escaped inside the packet.
    const packer = events.reduce<number>((n, e) => n + message(JSON.stringify(pack(e as Parameters<typeof pack>[0]))), 0);
    const fflate = live.reduce((n, b) => n + fflateGzip(strToU8(b.json)).byteLength, 0);
    const ours = live.reduce((n, b) => n + b.wireBytes, 0);
    const perMinute = (n: number) => (n / (steps * STEP_MS)) * 60_000;
    return {
      seconds,
      steps,
      latency: { p50: percentile(latencies, 50), p99: percentile(latencies, 99), samples: latencies.length },
      bytesPerMinute: { raw: perMinute(raw), packer: perMinute(packer), fflate: perMinute(fflate), ours: perMinute(ours) },
      snapshot: { raw: message(snapshot.json), ours: snapshot.wireBytes },
    };
  } finally {
    await browser.close();
  }
}

/** Prints {@link CobrowseFigures} with every size as a ratio to raw rrweb. */
export function printCobrowse(f: CobrowseFigures): void {
  const kb = (n: number) => `${(n / 1000).toFixed(1)} kB/min`;
  const ratio = (n: number) => `${(n / f.bytesPerMinute.raw).toFixed(2)}x`;
  console.log(
    `\nco-browse, 10,000-element page, 1 session: ${f.steps} scripted steps ${STEP_MS} ms apart (a text change, a scroll, a mouse move)`,
  );
  console.log(
    `change on the visitor's page -> shown in the console's replay: p50 ${f.latency.p50} ms, p99 ${f.latency.p99} ms (${f.latency.samples} changes)`,
  );
  console.log('live stream, snapshots apart                | bytes/min      | vs raw');
  const rows: [string, number][] = [
    ['raw rrweb JSON, event by event', f.bytesPerMinute.raw],
    ['@rrweb/packer, as socket.io text', f.bytesPerMinute.packer],
    ['gzip of each batch alone, no header', f.bytesPerMinute.fflate],
    ['ours: chained deflate, binary frames', f.bytesPerMinute.ours],
  ];
  for (const [name, n] of rows) console.log(`${name.padEnd(43)} | ${kb(n).padStart(14)} | ${ratio(n)}`);
  const { raw, ours } = f.snapshot;
  console.log(
    `one full snapshot: raw rrweb JSON ${(raw / 1000).toFixed(1)} kB, ours ${(ours / 1000).toFixed(1)} kB (${(ours / raw).toFixed(2)}x)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startServerProcess({ env: { LOG_LEVEL: 'error' } });
  try {
    printCobrowse(await runCobrowseStream(server, Number(process.env.BENCH_SECONDS ?? 10)));
  } finally {
    await server.stop();
  }
}
