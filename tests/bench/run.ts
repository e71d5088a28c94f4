/**
 * `npm run bench`: starts Porthole (the real server process, SQLite) and a bare socket.io relay, runs
 * the chat scenario at several sizes against both in the same run, and prints the figures with our
 * cost as a ratio to the baseline. BENCH_SECONDS (default 10), BENCH_SIZES (default 1,100,1000) and
 * BENCH_ROUNDS (default 3: runs per size and target, alternating, the median shown).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { startServerProcess } from '../support/server-process.js';
import { runChat, type ChatRun, type Target } from './chat-latency.js';
import { printCobrowse, runCobrowseStream } from './cobrowse-stream.js';
import { printLoad, runCobrowseLoad } from './cobrowse-load.js';
import { runJoins } from './join-latency.js';
import { printRecorderCost, runRecorderCost } from './recorder-cost.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const sizes = (process.env.BENCH_SIZES ?? '1,100,1000').split(',').map(Number);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);

/** The run whose CPU per message is the median of `runs`. */
const medianRun = (runs: ChatRun[]): ChatRun =>
  [...runs].sort((a, b) => a.cpuMsPerMessage - b.cpuMsPerMessage)[Math.floor(runs.length / 2)];

async function startBare(): Promise<Target & { stop(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'bare-relay.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve) => {
    child.stdout.on('data', (d: Buffer) => {
      const m = /listening (\d+)/.exec(d.toString());
      if (m) resolve(Number(m[1]));
    });
  });
  return { name: 'bare socket.io relay', url: `http://127.0.0.1:${port}`, pid: child.pid!, stop: () => child.kill() };
}

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

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');

const ours = await startServerProcess({ env: { LOG_LEVEL: 'error' } });
const bare = await startBare();
try {
  const target: Target = {
    name: 'porthole (SQLite)',
    url: ours.url,
    pid: ours.child.pid!,
    cookie: await login(ours.url, ours.adminEmail, ours.adminPassword),
  };
  const joins = await runJoins(target.url, target.cookie!, 30);
  console.log(`join by PIN, visitor connect to "Active" in the console (30 joins): p50 ${fmt(joins.p50)} ms, p99 ${fmt(joins.p99)} ms\n`);
  console.log(`chat delivery, visitor -> console, 1 message/s per conversation, ${seconds} s per run`);
  console.log(`(each size runs ${rounds} times per target, alternating; the run of median CPU is shown, and the`);
  console.log(' ratio of the medians; both targets are warmed up first, so JIT compilation is not counted)');
  // Both processes start cold; the first runs would otherwise charge their JIT warm-up to messages.
  for (const t of [bare, target]) await runChat(t, 100, 3);
  console.log('conversations | target               | sent  | delivered | p50 ms | p99 ms | CPU ms/msg | CPU ratio');
  for (const size of sizes) {
    const runs: { base: ChatRun[]; ours: ChatRun[] } = { base: [], ours: [] };
    for (let i = 0; i < rounds; i++) {
      runs.base.push(await runChat(bare, size, seconds));
      runs.ours.push(await runChat(target, size, seconds));
    }
    const [base, run] = [medianRun(runs.base), medianRun(runs.ours)];
    for (const r of [base, run]) {
      const ratio = r === run ? `${fmt(run.cpuMsPerMessage / base.cpuMsPerMessage, 2)}x` : '1.00x';
      console.log(
        `${String(size).padStart(13)} | ${r.target.padEnd(20)} | ${String(r.sent).padStart(5)} | ${String(r.delivered).padStart(9)} | ${fmt(r.p50).padStart(6)} | ${fmt(r.p99).padStart(6)} | ${fmt(r.cpuMsPerMessage, 3).padStart(10)} | ${ratio}`,
      );
    }
    const each = runs.ours.map((r, i) => fmt(r.cpuMsPerMessage / runs.base[i].cpuMsPerMessage, 2));
    console.log(`${''.padStart(13)} | ratio of each round: ${each.join(', ')}`);
  }
  printCobrowse(await runCobrowseStream(ours, seconds));
  // BENCH_COBROWSE_SESSIONS: concurrent co-browse sessions (one fresh server each run would be fairer; this
  // shares one, with fresh technicians per run so sessions left open before do not count against T-6).
  const loads = [];
  for (const n of (process.env.BENCH_COBROWSE_SESSIONS ?? '1,50').split(',').map(Number)) {
    loads.push(await runCobrowseLoad(ours, n, seconds, Number(process.env.BENCH_COBROWSE_ROWS ?? 200)));
  }
  printLoad(loads);
  printRecorderCost(await runRecorderCost(Number(process.env.BENCH_RECORDER_ROWS ?? 2000), rounds));
} finally {
  bare.stop();
  await ours.stop();
}
