/**
 * File transfer across server processes (SPEC.md E-21): two real server processes on one
 * PostgreSQL database and one Redis; the technician's console is connected to node A, the reference
 * support client (a separate process) to node B. A file is fetched from the client and one sent to
 * it, each checked byte for byte, and the fetch is logged with the file's name and size; a shell's
 * output, sent by the client to B, is summarised in the log when the next command is typed on A.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { CLIENT_LIMITS } from '../../src/protocol/index.js';
import { escalatedSession, type EscalatedSession } from '../support/escalated-session.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { startSupportClient, type SupportClientProcess } from '../support/support-client-process.js';
import { createPostgresDatabase } from '../support/test-storage.js';
import { emitAck, nextEvent, valueOf } from '../support/test-sockets.js';

const configured = process.env.DATABASE_URL && process.env.REDIS_URL;

/** The two nodes (A, B) on one database and one Redis, a session escalated on A, and the client on B, until `run` ends. */
async function onTwoNodes(
  run: (setup: { escalated: EscalatedSession; client: SupportClientProcess; work: string }) => Promise<void>,
): Promise<void> {
  const database = await createPostgresDatabase();
  // One adapter key per run, so other runs on the same Redis do not hear these broadcasts.
  const env = {
    DATABASE_URL: database.url,
    REDIS_URL: process.env.REDIS_URL ?? '',
    REDIS_KEY: `porthole-e2e-${randomBytes(6).toString('hex')}`,
  };
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-two-nodes-'));
  const nodes: ServerProcess[] = [];
  let escalated: EscalatedSession | undefined;
  let client: SupportClientProcess | undefined;
  try {
    // B starts once A has migrated the shared database.
    nodes.push(await startServerProcess({ env }));
    nodes.push(await startServerProcess({ env }));
    const [a, b] = nodes;
    escalated = await escalatedSession({ email: a.adminEmail, password: a.adminPassword }, a.url, b.url);
    client = startSupportClient(['--server', b.url, '--code', escalated.ticket.code, '--files-dir', path.join(work, 'received')]);
    await client.waitFor(/Connected to Website \(Admin\)/);
    await run({ escalated, client, work });
  } finally {
    client?.kill();
    escalated?.tech.disconnect();
    escalated?.widget.disconnect();
    for (const node of nodes.reverse()) await node.stop();
    await database.drop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** The technician asks for `capability`; the visitor allows it in the client. */
async function allow(escalated: EscalatedSession, client: SupportClientProcess, capability: 'files' | 'shell'): Promise<void> {
  const { tech, sessionId } = escalated;
  const granted = nextEvent(tech, 'client:updated', (c) => c.grants.some((g) => g.capability === capability && g.status === 'granted'));
  const from = client.output().length;
  valueOf(await emitAck(tech, 'client:grant-request', { sessionId, capability }));
  await client.waitFor(/Allow\? \[y\/N\]/, from);
  client.type('y');
  await granted;
}

const skip = configured ? false : 'DATABASE_URL and REDIS_URL not set: two-process (PostgreSQL + Redis) suite not configured';

test('E-8, E-21: with the console on node A and the client on node B, files go both ways', { skip }, () =>
  onTwoNodes(async ({ escalated, client, work }) => {
    const { tech, sessionId } = escalated;
    await allow(escalated, client, 'files');

    // Fetch: the console on A asks, the client on B sends its chunks through B.
    const original = randomBytes(3 * CLIENT_LIMITS.chunkBytes + 123);
    const report = path.join(work, 'report.bin');
    fs.writeFileSync(report, original);
    const parts: Buffer[] = [];
    const arrived = nextEvent(tech, 'client:file-chunk', (c) => {
      parts.push(Buffer.from(c.data, 'base64'));
      return c.last;
    });
    const logged = nextEvent(tech, 'activity:created', (e) => e.action === 'client.file_fetched');
    const fetched = valueOf(await emitAck(tech, 'client:file-fetch', { sessionId, path: report }));
    assert.deepEqual([fetched.name, fetched.size], ['report.bin', original.length]);
    await arrived;
    assert.ok(Buffer.concat(parts).equals(original), 'the fetched file arrived whole at node A');
    assert.match((await logged).summary, new RegExp(`fetched the file report\\.bin \\(${original.length} bytes\\)`));

    // Send: the console's chunks go through A, the client writes them on B.
    const notes = Buffer.from(`notes from node A ${'n'.repeat(CLIENT_LIMITS.chunkBytes)}\n`);
    const { transferId } = valueOf(await emitAck(tech, 'client:file-send', { sessionId, name: 'notes.txt', size: notes.length }));
    for (let i = 0, index = 0; i < notes.length; i += CLIENT_LIMITS.chunkBytes, index++) {
      const data = notes.subarray(i, i + CLIENT_LIMITS.chunkBytes).toString('base64');
      const last = i + CLIENT_LIMITS.chunkBytes >= notes.length;
      valueOf(await emitAck(tech, 'client:file-chunk', { sessionId, transferId, index, data, last }));
    }
    await client.waitFor(/Saved .*notes\.txt/);
    assert.ok(fs.readFileSync(path.join(work, 'received', 'notes.txt')).equals(notes));

    client.type('end');
    assert.equal(await client.exited(), 0);
  }),
);

test('E-9, E-22: with the console on node A and the client on node B, output is summarised after each command', { skip }, () =>
  onTwoNodes(async ({ escalated, client }) => {
    const { tech, sessionId } = escalated;
    await allow(escalated, client, 'shell');
    const seqs: number[] = [];
    const answered = nextEvent(tech, 'client:shell-output', (o) => {
      seqs.push(o.seq);
      return o.data.includes('two-nodes-42');
    });
    const { shellId } = valueOf(await emitAck(tech, 'client:shell-open', { sessionId, cols: 80, rows: 24 }));
    valueOf(await emitAck(tech, 'client:shell-input', { sessionId, shellId, data: 'echo two-nodes-$((6*7))\r' }));
    await answered;
    assert.deepEqual(
      seqs,
      seqs.map((_, i) => seqs[0] + i),
      'the output came numbered, in order',
    );

    // The next command line (typed on A) logs the summary of the output the client sent to B.
    const summarised = nextEvent(tech, 'activity:created', (e) => e.action === 'client.shell_output');
    valueOf(await emitAck(tech, 'client:shell-input', { sessionId, shellId, data: 'echo next\r' }));
    assert.match((await summarised).summary, /\d+ bytes: ".*two-nodes-42/);

    client.type('end');
    assert.equal(await client.exited(), 0);
  }),
);
