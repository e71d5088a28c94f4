import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Result, ShellEndReason } from '../../../src/protocol/index.js';
import { ShellHost, type GraceClock } from '../../../demo/support-client/shell-host.js';
import { EVENT_TIMEOUT_MS } from '../../support/test-server.js';

/** What the host sent, with a wait for a condition on it (deadline, no sleep). */
function fakeLine() {
  const output: { shellId: string; seq: number; data: string }[] = [];
  const exits: { shellId: string; code: number | null; reason: ShellEndReason }[] = [];
  const said: string[] = [];
  const waiters = new Set<() => void>();
  const changed = () => waiters.forEach((w) => w());
  const ok: Result<null> = { ok: true, value: null };
  return {
    output,
    exits,
    said,
    text: () => output.map((o) => o.data).join(''),
    line: {
      output: (p: { shellId: string; seq: number; data: string }) => {
        output.push(p);
        changed();
        return Promise.resolve(ok);
      },
      exited: (p: { shellId: string; code: number | null; reason: ShellEndReason }) => {
        exits.push(p);
        changed();
        return Promise.resolve(ok);
      },
      say: (t: string) => {
        said.push(t);
        changed();
      },
    },
    until(what: string, check: () => boolean): Promise<void> {
      return new Promise((resolve, reject) => {
        const w = () => {
          if (!check()) return;
          waiters.delete(w);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(w);
          reject(new Error(`No ${what}; sent: ${JSON.stringify(output)}`));
        }, EVENT_TIMEOUT_MS);
        waiters.add(w);
        w();
      });
    },
  };
}

/** A clock whose timers fire when the test says. */
function handClock() {
  let now = 1_000_000;
  const timers: { at: number; fn: () => void }[] = [];
  const clock: GraceClock = {
    now: () => now,
    after(ms, fn) {
      const t = { at: now + ms, fn };
      timers.push(t);
      return () => timers.splice(timers.indexOf(t), 1);
    },
  };
  return {
    clock,
    advance(ms: number) {
      now += ms;
      for (const t of timers.filter((x) => x.at <= now)) {
        timers.splice(timers.indexOf(t), 1);
        t.fn();
      }
    },
  };
}

describe('E-15: the client’s shells over a lost connection (a real pipe shell)', () => {
  test('output waits while offline and goes on in order after the rejoin; past the grace the shell ends, reported once back', async () => {
    const fake = fakeLine();
    const time = handClock();
    const host = new ShellHost(fake.line, 60_000, time.clock);
    await host.open('sh-1', 80, 24, false);
    host.write('sh-1', 'MARK=kept-$((1+1)); echo first-$((2+3))\r');
    await fake.until('first output', () => fake.text().includes('first-5'));

    host.offline(time.clock.now());
    assert.match(fake.said.join('\n'), /keeps running for 60 s/);
    const sentBefore = fake.output.length;
    host.write('sh-1', 'echo "during-$MARK"\r');
    // The pipe shell's local echo is output too: it must wait, not go, while offline.
    time.advance(30_000);
    assert.equal(fake.output.length, sentBefore, 'nothing is sent while the connection is down');

    host.online(['shell']);
    await fake.until('the output from the drop', () => fake.text().includes('during-kept-2'));
    const seqs = fake.output.map((o) => o.seq);
    assert.deepEqual(
      seqs,
      seqs.map((_, i) => i + 1),
      'numbered from 1, in order, none twice',
    );
    assert.ok(host.replay('sh-1', 0), 'the shell still runs');
    const replayed = () => fake.output.slice(seqs.length).map((o) => o.seq);
    await fake.until('the replay', () => replayed().includes(seqs.length));
    assert.deepEqual(replayed().slice(0, seqs.length), seqs, 'a console that asks again gets the same chunks, in order');

    host.offline(time.clock.now());
    time.advance(59_999);
    assert.equal(fake.exits.length, 0);
    time.advance(1);
    assert.match(fake.said.join('\n'), /did not come back within 60 s/);
    host.online(['shell']);
    await fake.until('the exit report', () => fake.exits.length === 1);
    assert.deepEqual(fake.exits, [{ shellId: 'sh-1', code: fake.exits[0].code, reason: 'connection_lost' }]);
    assert.equal(host.replay('sh-1', 0), false, 'gone');
  });

  test('a rejoin without the shell allowed ends it as not allowed', async () => {
    const fake = fakeLine();
    const time = handClock();
    const host = new ShellHost(fake.line, 60_000, time.clock);
    await host.open('sh-2', 80, 24, false);
    host.offline(time.clock.now());
    host.online(['files']);
    await fake.until('the exit report', () => fake.exits.length === 1);
    assert.equal(fake.exits[0].reason, 'not_allowed');
    host.killAll();
  });
});
