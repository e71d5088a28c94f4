/**
 * The reference support client as a Node single executable (E-20): built here with
 * `npm run build:sea`'s script for this system, then run on its own (no `node`, no script next to
 * it) against the real server process: it prints its usage, redeems a code, reports the machine and
 * serves a shell over its pipe fallback, since node-pty cannot load inside the executable.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { SupportClientView } from '../../src/protocol/index.js';
import { executableName } from '../../demo/support-client/build-sea.js';
import { escalatedSession, type EscalatedSession } from '../support/escalated-session.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { startSupportClient, type SupportClientProcess } from '../support/support-client-process.js';
import { emitAck, nextEvent, valueOf } from '../support/test-sockets.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EXECUTABLE = path.join(ROOT, 'dist/support-client/sea', executableName());

let server: ServerProcess;
let escalated: EscalatedSession | undefined;
let client: SupportClientProcess | undefined;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-sea-'));

before(async () => {
  execFileSync(process.execPath, ['--import', 'tsx', 'demo/support-client/build-sea.ts'], { cwd: ROOT, stdio: 'pipe' });
  server = await startServerProcess();
});

after(async () => {
  client?.kill();
  escalated?.tech.disconnect();
  escalated?.widget.disconnect();
  await server?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

test('E-20: the single executable runs without node or a script and prints its usage', async () => {
  // A copy alone in an empty folder: nothing beside it to load.
  const alone = path.join(work, path.basename(EXECUTABLE));
  fs.copyFileSync(EXECUTABLE, alone);
  const help = startSupportClient(['--help'], alone, { env: { PATH: '/nonexistent' } });
  assert.equal(await help.exited(), 0);
  assert.match(help.output(), /^Porthole support client\n[\s\S]*--code[\s\S]*--allow-other-server/);
  assert.doesNotMatch(help.output(), /Warning|ExperimentalWarning/);
});

test('E-3, E-6, E-7, E-20: the single executable redeems a code, reports the machine and serves a pipe shell', async () => {
  escalated = await escalatedSession({ email: server.adminEmail, password: server.adminPassword }, server.url);
  const { tech, sessionId, ticket } = escalated;
  const connected = nextEvent(tech, 'client:updated', (c) => c.sessionId === sessionId);
  client = startSupportClient(['--server', server.url, '--code', ticket.code, '--files-dir', path.join(work, 'in')], EXECUTABLE);
  await client.waitFor(/Connected to Website \(Admin\)/);
  const view = await connected;
  assert.deepEqual([view.os, view.version], ['linux', '0.1.0']);

  const reported = nextEvent(tech, 'client:updated', (c: SupportClientView) => c.system !== null);
  const from = client.output().length;
  valueOf(await emitAck(tech, 'client:grant-request', { sessionId, capability: 'system' }));
  await client.waitFor(/Allow\? \[y\/N\]/, from);
  client.type('y');
  const { system } = await reported;
  assert.equal(system?.hostname, os.hostname());
  assert.equal(system?.node, process.version, 'the executable is this node');
  assert.equal(system?.pty, false, 'node-pty does not load inside the executable');

  const asked = client.output().length;
  valueOf(await emitAck(tech, 'client:grant-request', { sessionId, capability: 'shell' }));
  await client.waitFor(/Allow\? \[y\/N\]/, asked);
  const granted = nextEvent(tech, 'client:updated', (c) => c.grants.some((g) => g.capability === 'shell' && g.status === 'granted'));
  client.type('y');
  await granted;
  const { shellId } = valueOf(await emitAck(tech, 'client:shell-open', { sessionId, cols: 80, rows: 24 }));
  await client.waitFor(/opened a command shell \(plain pipe: no PTY here\)/);
  let printed = '';
  const answered = nextEvent(tech, 'client:shell-output', (p) => p.shellId === shellId && (printed += p.data).includes('sea-42'));
  valueOf(await emitAck(tech, 'client:shell-input', { sessionId, shellId, data: 'echo sea-$((6*7))\r' }));
  await answered;

  client.type('end');
  assert.equal(await client.exited(), 0);
});
