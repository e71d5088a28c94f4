import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { describe, mock, test } from 'node:test';
import { resolveIdentity } from '../../../server/core/identity-rules.js';
import { identityHash, identityHashMatches } from '../../../server/security/identity-hash.js';

const SECRET = 'channel-secret-0123456789';
const claim = (hash?: string, id = 'user-42') => ({ id, name: 'Ada', email: 'ada@example.com', ...(hash === undefined ? {} : { hash }) });

describe('identify() hashes (I-2, I-3)', () => {
  test('I-2: the hash is HMAC-SHA256 of the id with the channel secret, in hex', () => {
    assert.equal(identityHash('user-42', SECRET), crypto.createHmac('sha256', SECRET).update('user-42').digest('hex'));
  });

  const cases: [string, ReturnType<typeof claim>, string, boolean][] = [
    ['I-3: a valid hash verifies', claim(identityHash('user-42', SECRET)), SECRET, true],
    ['I-3: upper-case hex verifies too', claim(identityHash('user-42', SECRET).toUpperCase()), SECRET, true],
    ['I-3: a wrong hash is unverified', claim('0'.repeat(64)), SECRET, false],
    ['I-3: a missing hash is unverified', claim(), SECRET, false],
    ['I-3: the hash of another id is unverified', claim(identityHash('user-43', SECRET)), SECRET, false],
    ['I-3: a hash made with another secret is unverified (rotation)', claim(identityHash('user-42', 'old-secret')), SECRET, false],
    ['I-3: a malformed hash is unverified', claim('xyz'), SECRET, false],
    ['I-3: a truncated hash is unverified', claim(identityHash('user-42', SECRET).slice(0, 62)), SECRET, false],
    ['I-3: without a channel secret nothing verifies', claim(identityHash('user-42', '')), '', false],
  ];
  for (const [name, c, secret, verified] of cases) {
    test(name, () => {
      assert.deepEqual(resolveIdentity(c, secret, identityHashMatches), { id: c.id, name: 'Ada', email: 'ada@example.com', verified });
    });
  }

  test('I-3: the comparison is crypto.timingSafeEqual, for right, wrong and malformed hashes alike', () => {
    const spy = mock.method(crypto, 'timingSafeEqual');
    try {
      assert.equal(identityHashMatches('user-42', SECRET, identityHash('user-42', SECRET)), true);
      assert.equal(identityHashMatches('user-42', SECRET, 'f'.repeat(64)), false);
      assert.equal(identityHashMatches('user-42', SECRET, 'short'), false);
      assert.equal(spy.mock.callCount(), 3);
      for (const call of spy.mock.calls) assert.equal((call.arguments[0] as Buffer).length, 32);
    } finally {
      spy.mock.restore();
    }
  });
});
