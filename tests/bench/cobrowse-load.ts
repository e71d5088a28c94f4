/**
 * Co-browse under load, for `npm run bench` (or alone: `tsx tests/bench/cobrowse-load.ts`): N visitors
 * co-browse at once through one real server. Each visitor is a real page (one Chromium, one context
 * per visitor) running the real widget and recorder on the catalogue page; each technician is a
 * socket.io console client signed in over HTTP that watches one session and decodes its frames with
 * the console's own code (frame assembler, batch decoder), without rendering a replay.
 *
 * Every visitor page changes its heading 4 times a second (and scrolls), stamping the change with
 * its clock; the technician's client reads the stamp out of the decoded batch. Both clocks are this
 * machine's, so change-to-decoded latency is the difference.
 */
import type { Browser, Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { FrameAssembler } from '../../demo/console/cobrowse/frame-assembler.js';
import { BatchDecoder } from '../../src/cobrowse/codec.js';
import { PROTOCOL_VERSION, readCobrowseFrame } from '../../src/protocol/index.js';
import { launchChromium } from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { cpuMs } from './cpu.js';
import { percentile } from './stats.js';

/** What {@link runCobrowseLoad} measured. */
export interface LoadFigures {
  sessions: number;
  rows: number;
  seconds: number;
  changes: number;
  seen: number;
  p50: number;
  p99: number;
  max: number;
  serverCpuPercent: number;
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

async function login(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const cookie = res.headers.get('set-cookie');
  if (!res.ok || !cookie) throw new Error(`login failed: ${res.status}`);
  return cookie.split(';')[0];
}

/** A technician's client watching one session: decodes every batch and notes the stamps it finds. */
class Watcher {
  readonly #assembler = new FrameAssembler();
  #decoder = new BatchDecoder();
  #recording = '';
  #queue: Promise<void> = Promise.resolve();
  /** Stamps seen (visitor's Date.now() at the change) and when each was decoded. */
  readonly latencies: number[] = [];
  recording = false;
  #snapshotSeen: () => void = () => undefined;
  /** Resolves with the first full snapshot. */
  readonly firstSnapshot = new Promise<void>((resolve) => (this.#snapshotSeen = resolve));
  #waiters: { count: number; resolve: () => void }[] = [];

  constructor(
    readonly socket: Socket,
    readonly sessionId: string,
  ) {
    socket.on('cobrowse:events', (bytes: unknown) => {
      const frame = readCobrowseFrame(bytes);
      if (!frame || frame.sessionId !== sessionId) return;
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
        for (const m of json.matchAll(/bench:\d+:(\d+)/g)) this.latencies.push(now - Number(m[1]));
        this.#waiters = this.#waiters.filter((w) => (this.latencies.length >= w.count ? (w.resolve(), false) : true));
      });
    });
  }

  /** Resolves once `count` stamped changes were decoded. */
  whenSeen(count: number): Promise<void> {
    if (this.latencies.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ count, resolve }));
  }
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

/** Runs `sessions` concurrent co-browse sessions on `server` for `seconds`, pages of `rows` catalogue rows. */
export async function runCobrowseLoad(server: ServerProcess, sessions: number, seconds: number, rows: number): Promise<LoadFigures> {
  const cookie = await login(server.url, server.adminEmail, server.adminPassword);
  const browser = await launchChromium();
  const watchers: Watcher[] = [];
  const pages: Page[] = [];
  try {
    const STEP = 10;
    for (let i = 0; i < sessions; i += STEP) {
      const group = await Promise.all(
        Array.from({ length: Math.min(STEP, sessions - i) }, async () => {
          const socket = await connect(`${server.url}/console`, { auth: { protocol: PROTOCOL_VERSION }, extraHeaders: { cookie } });
          const { channels } = await ask<{ channels: { id: string }[] }>(socket, 'directory:list', {});
          const created = await ask<{ session: { id: string }; invitation: { link: string } }>(socket, 'session:create', {
            channelId: channels[0].id,
          });
          const sessionId = created.session.id;
          const page = await openVisitor(browser, created.invitation.link, rows);
          await ask(socket, 'permission:request', { sessionId, capability: 'view' });
          await page.locator('porthole-chat .prompt button.primary', { hasText: 'Allow' }).click();
          const watcher = new Watcher(socket, sessionId);
          await ask(socket, 'cobrowse:watch', { sessionId });
          return { watcher, page };
        }),
      );
      for (const g of group) {
        watchers.push(g.watcher);
        pages.push(g.page);
      }
    }
    // Every watcher has its first snapshot before the clock starts.
    await within(Promise.all(watchers.map((w) => w.firstSnapshot)), 120_000, 'not every session sent a snapshot');
    for (const w of watchers) w.recording = true;
    const cpuBefore = cpuMs(server.child.pid!);
    const began = Date.now();
    // Page-side drivers: no round trip to the bench in the measured path.
    await Promise.all(pages.map((page, i) => page.evaluate(driver(seconds, (i * TICK_MS) / pages.length))));
    const changes = pages.length * Math.floor((seconds * 1000) / TICK_MS);
    const cpuMsUsed = cpuMs(server.child.pid!) - cpuBefore;
    const elapsed = Date.now() - began;
    // The last changes are still on their way: wait until each watcher saw its page's (at most 5 s;
    // what is missing then counts as not seen).
    await within(Promise.all(watchers.map((w) => w.whenSeen(changes / pages.length))), 5000, '');
    const all = watchers.flatMap((w) => w.latencies);
    return {
      sessions,
      rows,
      seconds,
      changes,
      seen: all.length,
      p50: percentile(all, 50),
      p99: percentile(all, 99),
      max: Math.max(...all),
      serverCpuPercent: (cpuMsUsed / elapsed) * 100,
    };
  } finally {
    for (const w of watchers) w.socket.disconnect();
    await browser.close();
  }
}

/** Prints {@link LoadFigures} rows. */
export function printLoad(runs: LoadFigures[]): void {
  console.log('\nco-browse under load: change on the visitor page -> decoded by the technician (socket.io client, console decoder)');
  console.log('(visitors: real Chromium pages, one context each, 4 changes/s each; one server process, SQLite)');
  console.log('sessions | page elements | changes | seen  | p50 ms | p99 ms | max ms | server CPU');
  for (const r of runs) {
    console.log(
      `${String(r.sessions).padStart(8)} | ${String(r.rows * 5).padStart(13)} | ${String(r.changes).padStart(7)} | ${String(r.seen).padStart(5)} | ${String(r.p50).padStart(6)} | ${String(r.p99).padStart(6)} | ${String(r.max).padStart(6)} | ${r.serverCpuPercent.toFixed(0).padStart(9)}%`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startServerProcess({ env: { LOG_LEVEL: 'error' } });
  try {
    const seconds = Number(process.env.BENCH_SECONDS ?? 10);
    const rows = Number(process.env.BENCH_COBROWSE_ROWS ?? 200);
    const runs: LoadFigures[] = [];
    for (const n of (process.env.BENCH_COBROWSE_SESSIONS ?? '10').split(',').map(Number)) {
      runs.push(await runCobrowseLoad(server, n, seconds, rows));
    }
    printLoad(runs);
  } finally {
    await server.stop();
  }
}
