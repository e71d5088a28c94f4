import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bounded, describeOutput, feedInput, feedOutput, plainText, SHELL_LOG_CHARS } from '../../../server/core/shell-log.js';
import { base64Bytes, clientTraffic } from '../../../server/core/services/client-traffic.js';

describe('shell journal', () => {
  test('E-9: keystrokes become command lines on Enter, with Backspace and Ctrl-C applied', () => {
    let r = feedInput('', 'ls -');
    assert.deepEqual(r, { pending: 'ls -', lines: [] });
    r = feedInput(r.pending, 'lx\x7fa\r');
    assert.deepEqual(r, { pending: '', lines: ['ls -la'] });
    assert.deepEqual(feedInput('rm -rf /', '\x03echo hi\recho \x1b[31mred\n').lines, ['echo hi', 'echo red']);
  });

  test('E-9: logged lines and output excerpts are bounded and carry no terminal escapes', () => {
    const long = feedInput('', `${'x'.repeat(5000)}\r`).lines[0];
    assert.equal(long.length, SHELL_LOG_CHARS);
    assert.equal(plainText('\x1b]0;title\x07a\x1b[1mb\x1b[0m'), 'ab');
    assert.equal(bounded('abc', 2), 'a…');
    let out = feedOutput({ bytes: 0, head: '' }, 'total 8\r\n');
    out = feedOutput(out, 'y'.repeat(10_000));
    assert.equal(out.bytes, 9 + 10_000);
    assert.ok(describeOutput(out).startsWith('10009 bytes: "total 8 yyy'));
    assert.ok(describeOutput(out).length < SHELL_LOG_CHARS + 30);
  });

  test('E-8: chunks are taken in order and within the announced size', () => {
    const t = clientTraffic();
    const tech = { id: 't1', name: 'Ada' };
    t.open({ id: 'x', sessionId: 's', clientId: 'c', direction: 'to-client', name: 'a.txt', size: 6, technician: tech });
    assert.equal(t.chunk('x', 'other', 'to-client', 0, 'YWJj', false).ok, false, 'another client');
    const skipped = t.chunk('x', 'c', 'to-client', 1, 'YWJj', false);
    assert.equal(skipped.ok ? '' : skipped.error, 'invalid_payload');
    assert.equal(t.chunk('x', 'c', 'to-client', 0, 'YWJj', false).ok, true);
    const done = t.chunk('x', 'c', 'to-client', 1, 'ZGVm', true);
    assert.ok(done.ok);
    assert.equal(done.value.done, true);
    assert.equal(t.chunk('x', 'c', 'to-client', 2, 'ZGVm', false).ok, false, 'finished transfers are gone');
    t.open({ id: 'y', sessionId: 's', clientId: 'c', direction: 'to-client', name: 'b', size: 2, technician: tech });
    const big = t.chunk('y', 'c', 'to-client', 0, 'YWJj', false);
    assert.equal(big.ok ? '' : big.error, 'payload_too_large');
    assert.equal(base64Bytes('YWJjZA=='), 4);
  });
});
