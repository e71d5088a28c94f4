/**
 * Co-browse under load, for `npm run bench` (or alone: `tsx tests/bench/cobrowse-load.ts`): N
 * sessions co-browse at once through one real server. Each session has its own console connection
 * (socket.io, signed in over HTTP) that watches it and decodes its frames with the console's own
 * code (frame assembler, batch decoder), without rendering a replay. The sessions are owned by
 * technicians made for the run, at most {@link MAX_ACTIVE_SESSIONS} each (T-6): past that a
 * session's visitor joins the queue instead and nobody may ask to view it (why this driver used to
 * stall past 10 sessions, and printed nothing after other runs had left sessions open).
 *
 * Visitors: up to BENCH_COBROWSE_PAGES (default 5) are real pages (one Chromium, one context each:
 * the widget keeps its visitor token per origin) running the real widget and recorder on the
 * catalogue page, measured from the change on the page to the batch decoded in the console. The
 * rest are {@link StreamedVisitor}s sending a stream the same recorder made on the same page
 * (captured first), batch for batch in time, measured from the send to the decode. 50 Chromium
 * pages on 2 cores measure the pages starving each other (p50 1.7 s, the server at 4% CPU), not
 * the relay; one visitor per computer never has that.
 *
 * Every visitor page changes its heading 4 times a second (and scrolls), stamping the change with
 * its clock; the console client reads the stamp out of the decoded batch. Both clocks are this
 * machine's, so change-to-decoded latency is the difference.
 */
import os from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { FrameAssembler, type Batch } from '../../demo/console/cobrowse/frame-assembler.js';
import { BatchDecoder } from '../../src/cobrowse/codec.js';
import { PROTOCOL_VERSION, readCobrowseFrame, type CobrowseFrame } from '../../src/protocol/index.js';
import { launchChromium } from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { makeTechnicians, MAX_ACTIVE_SESSIONS } from './bench-team.js';
import { cpuMs } from './cpu.js';
import { percentile } from './stats.js';
import { StreamedVisitor, type RecordedStream } from './streamed-visitor.js';

/** Latency figures of one kind of visitor. */
export interface Latency {
  visitors: number;
  expected: number;
  seen: number;
  p50: number;
  p99: number;
  max: number;
}

/** What {@link runCobrowseLoad} measured. */
export interface LoadFigures {
  sessions: number;
  rows: number;
  seconds: number;
  /** Real pages: change on the page -> decoded in the console. */
  pages: Latency;
  /** Streamed visitors: batch sent -> decoded in the console. */
  streamed: Latency;
  serverCpuPercent: number;
  /** The machine's 1-minute load average as the changes began (other work on it slows everything). */
  loadAverage: number;
}

const TICK_MS = 250;

const connect = (url: string, opts: Parameters<typeof io>[1]) =>
  new Promise<Socket>((resolve, reject) => {
    const s = io(url, { transports: ['websocket'], reconnection: false, ...opts });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });

const ask = <T>(s: Socket, event: string, payload: unknown) =>
  new Promise<T>((resolve, reject) => {
    s.timeout(60_000).emit(event, payload, (err: Error | null, r: { ok: boolean; value: T; message?: string }) =>
      err ? reject(err) : r.ok ? resolve(r.value) : reject(new Error(r.message)),
    );
  });

/** What a watcher measures in each decoded batch: latencies, ms. */
type Measure = (batch: Batch, json: string, now: number) => number[];

/** A console client watching one session: decodes every batch and measures what it finds. */
class Watcher {
  readonly #assembler = new FrameAssembler();
  #decoder = new BatchDecoder();
  #recording = '';
  #queue: Promise<void> = Promise.resolve();
  readonly latencies: number[] = [];
  recording = false;
  /** Every frame received, with its arrival time, while capturing. */
  capture: { at: number; frame: CobrowseFrame }[] | null = null;
  #snapshotSeen: () => void = () => undefined;
  /** Resolves with the first full snapshot. */
  readonly firstSnapshot = new Promise<void>((resolve) => (this.#snapshotSeen = resolve));
  #waiters: { count: number; resolve: () => void }[] = [];

  constructor(
    readonly socket: Socket,
    readonly sessionId: string,
    measure: Measure,
  ) {
    socket.on('cobrowse:events', (bytes: unknown) => {
      const frame = readCobrowseFrame(bytes);
      if (!frame || frame.sessionId !== sessionId) return;
      this.capture?.push({ at: Date.now(), frame: { ...frame, data: new Uint8Array(frame.data) } });
      const batch = this.#assembler.add(frame);
      if (!batch) return;
      this.#queue = this.#queue.then(async () => {
        if (batch.recording !== this.#recording) {
          this.#recording = batch.recording;
          this.#decoder = new BatchDecoder();
        }
        const json = JSON.stringify(await this.#decoder.decode(batch));
        const now = Date.now();
        if (batch.full) this.#snapshotSeen();
        if (!this.recording) return;
        this.latencies.push(...measure(batch, json, now));
        this.#waiters = this.#waiters.filter((w) => (this.latencies.length >= w.count ? (w.resolve(), false) : true));
      });
    });
  }

  /** Resolves once `count` latencies were measured. */
  whenSeen(count: number): Promise<void> {
    if (this.latencies.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ count, resolve }));
  }
}

/** Stamps a page's driver wrote, each once: a snapshot repeats the heading's current one, so only live batches count. */
function stampMeasure(): Measure {
  const seen = new Set<string>();
  return (batch, json, now) => {
    if (batch.full) return [];
    const out: number[] = [];
    for (const m of json.matchAll(/bench:(\d+):(\d+)/g)) {
      if (seen.has(m[1])) continue;
      seen.add(m[1]);
      out.push(now - Number(m[2]));
    }
    return out;
  };
}

/** `work`, or a rejection naming `what` after `ms`: a bound on waiting, not a pause. */
function within<T>(work: Promise<T>, ms: number, what: string): Promise<T | 'late'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)));
  return Promise.race([work, late])
    .finally(() => clearTimeout(timer))
    .then((r) => {
      if (r === 'late' && what) throw new Error(what);
      return r;
    });
}

/**
 * The page-side driver (no round trip to the bench in the measured path): a stamped heading change
 * and a scroll every tick for `seconds`, starting after `offset` ms so that sessions' ticks spread
 * over the interval as independent visitors' would. A string: tsx's helpers do not exist in the page.
 */
const driver = (seconds: number, offset: number) => `new Promise((resolve) => {
  let n = 0;
  const h1 = document.querySelector('h1');
  setTimeout(() => {
    const timer = setInterval(() => {
      h1.textContent = 'bench:' + n++ + ':' + Date.now();
      window.scrollBy(0, n % 20 < 10 ? 40 : -40);
    }, ${TICK_MS});
    setTimeout(() => { clearInterval(timer); resolve(n); }, ${seconds * 1000});
  }, ${offset});
})`;

async function openVisitor(browser: Browser, link: string, rows: number): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1200, height: 800 } })).newPage();
  const url = new URL(link);
  url.pathname = '/large.html';
  url.searchParams.set('rows', String(rows));
  await page.goto(url.href);
  await page.locator('porthole-chat header', { hasText: 'is helping you' }).waitFor({ timeout: 60_000 });
  return page;
}

/** A session made by a technician's console connection: the invitation and an allow step. */
interface Opened {
  socket: Socket;
  sessionId: string;
  link: string;
}

async function openSession(url: string, cookie: string): Promise<Opened> {
  const socket = await connect(`${url}/console`, { auth: { protocol: PROTOCOL_VERSION }, extraHeaders: { cookie } });
  const { channels } = await ask<{ channels: { id: string }[] }>(socket, 'directory:list', {});
  const created = await ask<{ session: { id: string }; invitation: { link: string } }>(socket, 'session:create', {
    channelId: channels[0].id,
  });
  return { socket, sessionId: created.session.id, link: created.invitation.link };
}

/** A real page's session, viewed and watched. */
async function pageSession(url: string, cookie: string, browser: Browser, rows: number) {
  const s = await openSession(url, cookie);
  const page = await openVisitor(browser, s.link, rows);
  await ask(s.socket, 'permission:request', { sessionId: s.sessionId, capability: 'view' });
  await page.locator('porthole-chat .prompt button.primary', { hasText: 'Allow' }).click();
  const watcher = new Watcher(s.socket, s.sessionId, stampMeasure());
  await ask(s.socket, 'cobrowse:watch', { sessionId: s.sessionId });
  return { page, watcher };
}

/** A streamed visitor's session, viewed and watched. */
async function streamedSession(url: string, cookie: string, stream: RecordedStream) {
  const s = await openSession(url, cookie);
  const visitor = await StreamedVisitor.join(url, s.link, stream);
  const permission = await ask<{ id: string }>(s.socket, 'permission:request', { sessionId: s.sessionId, capability: 'view' });
  await visitor.allow(permission.id);
  const watcher = new Watcher(s.socket, s.sessionId, (batch, _json, now) => {
    const sent = batch.full ? undefined : visitor.sentAt.get(batch.batch);
    return sent === undefined ? [] : [now - sent];
  });
  await ask(s.socket, 'cobrowse:watch', { sessionId: s.sessionId });
  return { visitor, watcher };
}

/** Runs the driver on one real page for `seconds` and keeps what its recorder sent, from the snapshot on. */
async function captureStream(url: string, cookie: string, browser: Browser, rows: number, seconds: number): Promise<RecordedStream> {
  const { page, watcher } = await pageSession(url, cookie, browser, rows);
  try {
    watcher.capture = [];
    await within(watcher.firstSnapshot, 60_000, 'the capture page sent no snapshot');
    watcher.recording = true;
    const n = await page.evaluate<number>(driver(seconds, 0));
    await within(watcher.whenSeen(n), 5000, '');
    const frames = watcher.capture;
    const first = frames.findIndex((f) => f.frame.full && f.frame.part === 0);
    const snapshot = frames.filter((f, i) => i >= first && f.frame.batch === frames[first].frame.batch).map((f) => f.frame);
    const rest = frames.filter((f, i) => i >= first && f.frame.batch !== frames[first].frame.batch);
    const batches = new Map<number, { at: number; frames: CobrowseFrame[] }>();
    for (const f of rest) {
      const b = batches.get(f.frame.batch) ?? { at: f.at - rest[0].at, frames: [] };
      b.frames.push(f.frame);
      batches.set(f.frame.batch, b);
    }
    return { snapshot, live: [...batches.values()] };
  } finally {
    watcher.socket.disconnect();
    await page.context().close();
  }
}

function latency(visitors: number, expected: number, all: number[]): Latency {
  return {
    visitors,
    expected,
    seen: all.length,
    p50: percentile(all, 50),
    p99: percentile(all, 99),
    max: all.length ? Math.max(...all) : NaN,
  };
}

/**
 * Runs `sessions` concurrent co-browse sessions on `server` for `seconds`, pages of `rows`
 * catalogue rows, `realPages` of them real pages.
 */
export async function runCobrowseLoad(
  server: ServerProcess,
  sessions: number,
  seconds: number,
  rows: number,
  realPages = Number(process.env.BENCH_COBROWSE_PAGES ?? 5),
): Promise<LoadFigures> {
  const pageCount = Math.min(sessions, realPages);
  const streamedCount = sessions - pageCount;
  // One more session for the capture page, which ends before the others start.
  const cookies = await makeTechnicians(server, Math.ceil((sessions + 1) / MAX_ACTIVE_SESSIONS));
  const cookieOf = (i: number) => cookies[Math.floor(i / MAX_ACTIVE_SESSIONS)];
  const browser = await launchChromium();
  const pages: Awaited<ReturnType<typeof pageSession>>[] = [];
  const streamed: Awaited<ReturnType<typeof streamedSession>>[] = [];
  try {
    const stream = streamedCount > 0 ? await captureStream(server.url, cookieOf(sessions), browser, rows, seconds) : null;
    const STEP = 10;
    for (let i = 0; i < sessions; i += STEP) {
      const group = Array.from({ length: Math.min(STEP, sessions - i) }, (_, j) => i + j);
      pages.push(
        ...(await Promise.all(group.filter((k) => k < pageCount).map((k) => pageSession(server.url, cookieOf(k), browser, rows)))),
      );
      streamed.push(
        ...(await Promise.all(group.filter((k) => k >= pageCount).map((k) => streamedSession(server.url, cookieOf(k), stream!)))),
      );
    }
    const watchers = [...pages.map((p) => p.watcher), ...streamed.map((s) => s.watcher)];
    // Every watcher has its first snapshot before the clock starts.
    await within(Promise.all(watchers.map((w) => w.firstSnapshot)), 120_000, 'not every session sent a snapshot');
    for (const w of watchers) w.recording = true;
    const loadAverage = os.loadavg()[0];
    const cpuBefore = cpuMs(server.child.pid!);
    const began = Date.now();
    // Visitors' ticks spread over the interval, as independent visitors' would.
    const offset = (i: number) => (i * TICK_MS) / sessions;
    const [pageCounts, streamedCounts] = await Promise.all([
      Promise.all(pages.map((p, i) => p.page.evaluate<number>(driver(seconds, offset(i))))),
      Promise.all(streamed.map((s, i) => s.visitor.play(offset(pageCount + i)))),
    ]);
    const cpuMsUsed = cpuMs(server.child.pid!) - cpuBefore;
    const elapsed = Date.now() - began;
    // The last changes are still on their way: wait until each watcher saw its visitor's (at most
    // 5 s; what is missing then counts as not seen).
    const counts = [...pageCounts, ...streamedCounts];
    await within(Promise.all(watchers.map((w, i) => w.whenSeen(counts[i]))), 5000, '');
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    return {
      sessions,
      rows,
      seconds,
      pages: latency(
        pageCount,
        sum(pageCounts),
        pages.flatMap((p) => p.watcher.latencies),
      ),
      streamed: latency(
        streamedCount,
        sum(streamedCounts),
        streamed.flatMap((s) => s.watcher.latencies),
      ),
      serverCpuPercent: (cpuMsUsed / elapsed) * 100,
      loadAverage,
    };
  } finally {
    for (const p of pages) p.watcher.socket.disconnect();
    for (const s of streamed) {
      s.watcher.socket.disconnect();
      s.visitor.close();
    }
    await browser.close();
  }
}

/** Prints {@link LoadFigures} rows. */
export function printLoad(runs: LoadFigures[]): void {
  const ms = (n: number) => (Number.isFinite(n) ? String(n) : '-').padStart(6);
  console.log('\nco-browse under load, one server process (SQLite), each session watched by its own console connection');
  console.log('  page: a real Chromium page (widget + recorder, 4 changes/s): change on the page -> decoded by the console decoder');
  console.log("  streamed: a widget socket sending a real page's recorded stream in time: batch sent -> decoded");
  console.log(`  (${os.cpus().length} cores shared by Chromium, the server and the bench; load average as the changes began)`);
  console.log('sessions | visitors    | changes | seen  | p50 ms | p99 ms | max ms | server CPU | load avg');
  for (const r of runs) {
    for (const [kind, l] of [
      ['page', r.pages],
      ['streamed', r.streamed],
    ] as const) {
      if (l.visitors === 0) continue;
      console.log(
        `${String(r.sessions).padStart(8)} | ${`${l.visitors} ${kind}`.padEnd(11)} | ${String(l.expected).padStart(7)} | ${String(l.seen).padStart(5)} | ${ms(l.p50)} | ${ms(l.p99)} | ${ms(l.max)} | ${r.serverCpuPercent.toFixed(0).padStart(9)}% | ${r.loadAverage.toFixed(1).padStart(8)}`,
      );
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startServerProcess({ env: { LOG_LEVEL: 'error' } });
  try {
    const seconds = Number(process.env.BENCH_SECONDS ?? 10);
    const rows = Number(process.env.BENCH_COBROWSE_ROWS ?? 200);
    const runs: LoadFigures[] = [];
    for (const n of (process.env.BENCH_COBROWSE_SESSIONS ?? '1,50').split(',').map(Number)) {
      runs.push(await runCobrowseLoad(server, n, seconds, rows));
    }
    printLoad(runs);
  } finally {
    await server.stop();
  }
}
