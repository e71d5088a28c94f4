import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bounded, describeOutput, feedInput, feedOutput, plainText, SHELL_LOG_CHARS } from '../../../server/core/shell-log.js';
import { base64Bytes } from '../../../server/core/services/client-transfers.js';

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

  test('E-8: base64 sizes are counted decoded', () => {
    assert.equal(base64Bytes('YWJjZA=='), 4);
    assert.equal(base64Bytes('YWJj'), 3);
  });
});
