/**
 * Recorder main-thread time, for `npm run bench` (or alone: `tsx tests/bench/recorder-cost.ts`):
 * in one Chromium, on the same catalogue page (BENCH_RECORDER_ROWS, default 2,000 rows: 10,000
 * elements) and the same scripted changes, the main-thread time of our co-browse pipeline against
 * plain `rrweb.record` (an emit that keeps the events; and one that turns each into JSON, as any
 * sender must) and against no recorder at all. Main-thread time is the renderer's
 * `TaskDuration` from CDP `Performance.getMetrics`, read around the start (the full snapshot) and
 * around the changes; the pauses between steps are idle and not counted. Each round loads the page
 * afresh; rounds alternate (the order rotating), a warm-up round is dropped, the median is shown.
 * The page's own work (style, layout of the changes) is in every figure, so the recorder's share is
 * the difference to `none`. BENCH_RECORDER_PROFILE=ours:changes (or plain:start, ...) adds a CPU profile.
 */
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';

const KINDS = ['ours', 'plain', 'plain-json', 'none'] as const;
type Kind = (typeof KINDS)[number];

/** Main-thread ms of one phase: all tasks, and the script part of them. */
interface Cost {
  task: number;
  script: number;
}

/** One round: the start (with the full snapshot) and the changes. */
interface Round {
  snapshot: Cost;
  changes: Cost;
  frames: number;
  /** Compressed bytes our pipeline sent for the changes. */
  bytes: number;
  events: number;
}

/** What {@link runRecorderCost} measured: medians per kind. */
export interface RecorderFigures {
  rows: number;
  steps: number;
  rounds: number;
  median: Record<Kind, Round>;
  profile: string[];
}

// localhost: a secure context (the pipeline uses crypto.randomUUID); every request is answered by the route.
const ORIGIN = 'http://localhost:9';

async function bundle(): Promise<string> {
  const out = await build({
    entryPoints: [path.join(import.meta.dirname, 'recorder-page.ts')],
    bundle: true,
    format: 'esm',
    write: false,
    // Not minified: the profile names functions as the source does.
    minify: false,
    target: 'es2022',
  });
  return out.outputFiles[0].text;
}

/** The catalogue page of the demo site, with a search field to type into and the bench's script instead of the widget. */
function pageHtml(): string {
  const site = fs.readFileSync(path.join(import.meta.dirname, '../../demo/site/large.html'), 'utf8');
  return site
    .replace(/<script[^>]*src="\/widget\/porthole.js"[^>]*><\/script>/, '')
    .replace('/demo/large-page.js', '/bench.js')
    .replace('<porthole-widget channel="demo"></porthole-widget>', '')
    .replace('<table>', '<label>Search <input name="q" type="search" /></label>\n<table>');
}

const costNow = async (cdp: CDPSession): Promise<Cost> => {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const ms = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { task: ms('TaskDuration'), script: ms('ScriptDuration') };
};
const minus = (a: Cost, b: Cost): Cost => ({ task: a.task - b.task, script: a.script - b.script });

async function round(page: Page, kind: Kind, rows: number, steps: number, gap: number): Promise<Round> {
  await page.goto(`${ORIGIN}/?rows=${rows}`);
  await page.waitForFunction(() => document.querySelector('#count')?.textContent !== '…');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const t0 = await costNow(cdp);
  await page.evaluate((k) => (window as unknown as { recorderBench: { start(k: string): Promise<void> } }).recorderBench.start(k), kind);
  const t1 = await costNow(cdp);
  const counts = await page.evaluate(
    ([s, g]) =>
      (
        window as unknown as { recorderBench: { mutate(s: number, g: number): Promise<{ frames: number; bytes: number; events: number }> } }
      ).recorderBench.mutate(s, g),
    [steps, gap] as const,
  );
  const t2 = await costNow(cdp);
  await cdp.detach();
  return { snapshot: minus(t1, t0), changes: minus(t2, t1), ...counts };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Self time per function of a recorder's start or changes, the top `top` lines. */
async function profile(
  page: Page,
  kind: Kind,
  phase: 'start' | 'changes',
  rows: number,
  steps: number,
  gap: number,
  top = Number(process.env.BENCH_RECORDER_PROFILE_TOP ?? 14),
): Promise<string[]> {
  await page.goto(`${ORIGIN}/?rows=${rows}`);
  await page.waitForFunction(() => document.querySelector('#count')?.textContent !== '…');
  const startIt = () =>
    page.evaluate((k) => (window as unknown as { recorderBench: { start(k: string): Promise<void> } }).recorderBench.start(k), kind);
  if (phase === 'changes') await startIt();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  if (phase === 'start') await startIt();
  else {
    await page.evaluate(
      ([s, g]) => (window as unknown as { recorderBench: { mutate(s: number, g: number): Promise<unknown> } }).recorderBench.mutate(s, g),
      [steps, gap] as const,
    );
  }
  const { profile: p } = await cdp.send('Profiler.stop');
  const dt = new Map<number, number>();
  (p.samples ?? []).forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (p.timeDeltas?.[i] ?? 0)));
  const self = new Map<string, number>();
  for (const n of p.nodes) {
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt.get(n.id) ?? 0));
  }
  return [...self.entries()]
    .filter(([k]) => !/^\((program|idle)\)/.test(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, us]) => `${(us / 1000).toFixed(1).padStart(7)} ms  ${k}`);
}

/** Runs `rounds` rounds of each kind (plus a warm-up) on a page of `rows` rows, `steps` steps `gap` ms apart. */
export async function runRecorderCost(rows: number, rounds: number, steps = 100, gap = 40): Promise<RecorderFigures> {
  const script = await bundle();
  const html = pageHtml();
  const css = fs.readFileSync(path.join(import.meta.dirname, '../../demo/site/site.css'), 'utf8');
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
    await context.route(`${ORIGIN}/**`, (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/bench.js') return route.fulfill({ contentType: 'text/javascript', body: script });
      if (url.pathname === '/site.css') return route.fulfill({ contentType: 'text/css', body: css });
      return route.fulfill({ contentType: 'text/html', body: html });
    });
    const page = await context.newPage();
    const all: Record<Kind, Round[]> = { ours: [], plain: [], 'plain-json': [], none: [] };
    for (let r = 0; r <= rounds; r++) {
      for (let k = 0; k < KINDS.length; k++) {
        const kind = KINDS[(k + r) % KINDS.length];
        const result = await round(page, kind, rows, steps, gap);
        if (r > 0) all[kind].push(result);
      }
    }
    const cost = (xs: Cost[]): Cost => ({ task: median(xs.map((x) => x.task)), script: median(xs.map((x) => x.script)) });
    const med = (kind: Kind): Round => ({
      snapshot: cost(all[kind].map((x) => x.snapshot)),
      changes: cost(all[kind].map((x) => x.changes)),
      frames: median(all[kind].map((x) => x.frames)),
      bytes: median(all[kind].map((x) => x.bytes)),
      events: median(all[kind].map((x) => x.events)),
    });
    // BENCH_RECORDER_PROFILE=ours:changes (or plain:start, ...).
    const [kind, phase] = (process.env.BENCH_RECORDER_PROFILE ?? '').split(':') as [Kind, 'start' | 'changes'];
    const prof = kind ? await profile(page, kind, phase ?? 'changes', rows, steps, gap) : [];
    return {
      rows,
      steps,
      rounds,
      median: { ours: med('ours'), plain: med('plain'), 'plain-json': med('plain-json'), none: med('none') },
      profile: prof,
    };
  } finally {
    await browser.close();
  }
}

/** Prints {@link RecorderFigures} with ours as a ratio to plain rrweb. */
export function printRecorderCost(f: RecorderFigures): void {
  const { ours, plain, none } = f.median;
  const ms = (n: number, w: number) => n.toFixed(1).padStart(w);
  console.log(`\nrecorder main-thread time (CDP Performance.getMetrics), ${f.rows * 5} elements, ${f.steps} steps of changes 40 ms apart`);
  console.log(
    `(median of ${f.rounds} alternating rounds, fresh page each; "script" is the JavaScript part of the tasks, "all" adds style, layout, paint, GC)`,
  );
  // The start's script time reads 0 (CDP does not count it there), so only its whole task time is shown.
  console.log('recorder                   | start: all ms | changes: all ms | script ms | events | frames | kB sent');
  const rows: [string, Round][] = [
    ['none (the page alone)', none],
    ['plain rrweb.record', plain],
    ['plain, each event to JSON', f.median['plain-json']],
    ['ours (co-browse pipeline)', ours],
  ];
  for (const [name, r] of rows) {
    console.log(
      `${name.padEnd(26)} | ${ms(r.snapshot.task, 13)} | ${ms(r.changes.task, 15)} | ${ms(r.changes.script, 9)} | ${String(r.events).padStart(6)} | ${String(r.frames).padStart(6)} | ${(r.bytes / 1000).toFixed(1).padStart(7)}`,
    );
  }
  const x = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
  const share = (r: Round) => r.changes.script - none.changes.script;
  console.log(
    `ours vs plain rrweb.record: changes script ${x(ours.changes.script, plain.changes.script)} (the recorders' own share, minus the page's: ${x(share(ours), share(plain))}), all ${x(ours.changes.task, plain.changes.task)}; start (snapshot) all ${x(ours.snapshot.task, plain.snapshot.task)}`,
  );
  const json = f.median['plain-json'];
  console.log(
    `ours vs plain rrweb.record turning each event into JSON (the least a sender does): changes script ${x(ours.changes.script, json.changes.script)}, start all ${x(ours.snapshot.task, json.snapshot.task)}`,
  );
  if (f.profile.length) console.log(`${process.env.BENCH_RECORDER_PROFILE}, self time:\n${f.profile.join('\n')}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printRecorderCost(await runRecorderCost(Number(process.env.BENCH_RECORDER_ROWS ?? 2000), Number(process.env.BENCH_ROUNDS ?? 5)));
}
