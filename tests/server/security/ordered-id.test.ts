/**
 * Row ids are UUIDv7 (server/security/ordered-id.ts): valid UUIDs that sort by creation time, so
 * new rows append to their index, and that stay unique and unpredictable within a millisecond.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as v from 'valibot';
import { orderedId } from '../../../server/security/ordered-id.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('an id is a UUID of version 7 and RFC 9562 variant, carrying its millisecond', () => {
  const ms = Date.UTC(2026, 11, 2, 8, 30, 0, 123);
  const id = orderedId(ms);
  assert.match(id, UUID_V7);
  assert.ok(v.is(v.pipe(v.string(), v.uuid()), id), 'the protocol schemas take it');
  assert.equal(parseInt(id.replaceAll('-', '').slice(0, 12), 16), ms);
});

test('ids of later milliseconds sort after earlier ones, as strings', () => {
  const t = Date.now();
  const ids = Array.from({ length: 50 }, (_, i) => orderedId(t + i * 7));
  assert.deepEqual([...ids].sort(), ids);
});

test('ids of one millisecond are all different, over more than one pool of random bytes', () => {
  const ids = Array.from({ length: 2000 }, () => orderedId(1_000));
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, UUID_V7);
});
