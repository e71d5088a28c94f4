/** The size check at the edge (validate.ts): JSON bytes without serialising, binary by length. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as v from 'valibot';
import { payloadBytes, validate } from '../../../server/transport/validate.js';

const BIG = Number.MAX_SAFE_INTEGER;

test('plain JSON payloads measure as their JSON text', { timeout: 5_000 }, () => {
  const payloads = [
    { sessionId: 'a1b2', clientId: 'c0ffee-1', text: 'hello, wörld ✓' },
    [1, 2.5, -3e-7, true, false, null, 'x', [], {}],
    { nested: { list: [{ a: 'b' }, { c: ['d', 'e'] }] }, n: 42 },
    'just a string',
    0,
    null,
  ];
  for (const p of payloads) assert.equal(payloadBytes(p, BIG), Buffer.byteLength(JSON.stringify(p)), JSON.stringify(p));
});

test('binary parts count as their byte length, not as a list of numbers', { timeout: 5_000 }, () => {
  const data = Buffer.alloc(10_000);
  assert.ok(payloadBytes({ data }, BIG) < 10_020);
  assert.ok(payloadBytes({ data }, BIG) >= 10_000);
  assert.ok(payloadBytes({ data: new Uint8Array(5000).buffer }, BIG) >= 5000);
});

test('what JSON cannot carry, or nests absurdly deep, is infinite', { timeout: 5_000 }, () => {
  assert.equal(payloadBytes({ n: 10n }, BIG), Number.POSITIVE_INFINITY);
  let deep: unknown = 'x';
  for (let i = 0; i < 1000; i++) deep = [deep];
  assert.equal(payloadBytes(deep, BIG), Number.POSITIVE_INFINITY);
});

test('counting stops past the limit, and validate refuses the payload as too large', { timeout: 5_000 }, () => {
  const huge = { sessionId: 's', extra: Array.from({ length: 100_000 }, (_, i) => `field ${i}`) };
  assert.ok(payloadBytes(huge, 1000) > 1000);
  const r = validate(v.object({ sessionId: v.string() }), huge, 1000);
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.error, 'payload_too_large');
  assert.equal(validate(v.object({ sessionId: v.string() }), { sessionId: 's' }, 1000).ok, true);
});
