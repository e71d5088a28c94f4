import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { channelKeyFrom, DEFAULT_EXPIRATION_MINUTES, editChannel, newChannel, originAllowed } from '../../../server/core/channel-rules.js';
import { makeChannel, T0 } from './fixtures.js';

describe('channel rules', () => {
  test('a new channel takes the defaults: 60 minutes, no allowed origins, the server demo site, no downloads', () => {
    assert.deepEqual(newChannel({ id: 'c9', key: 'help', name: 'Help', now: T0 }), {
      id: 'c9',
      key: 'help',
      name: 'Help',
      createdAt: T0,
      expirationMinutes: DEFAULT_EXPIRATION_MINUTES,
      allowedOrigins: [],
      siteUrl: '',
      downloadLinks: {},
      attachmentMaxBytes: 10 * 1024 * 1024,
    });
    assert.equal(DEFAULT_EXPIRATION_MINUTES, 60);
  });

  test('editChannel applies the fields, removes duplicate origins and empty download links, and keeps id, key and creation', () => {
    const before = makeChannel();
    const after = editChannel(before, {
      name: 'Billing',
      expirationMinutes: 120,
      allowedOrigins: ['https://shop.example', 'https://shop.example', 'https://www.example.com'],
      siteUrl: 'https://shop.example/help',
      downloadLinks: { windows: 'https://dl.example/win.exe', macos: '', linux: undefined },
    });
    assert.deepEqual(after, {
      ...before,
      name: 'Billing',
      expirationMinutes: 120,
      allowedOrigins: ['https://shop.example', 'https://www.example.com'],
      siteUrl: 'https://shop.example/help',
      downloadLinks: { windows: 'https://dl.example/win.exe' },
    });
  });

  const keys: [string, string][] = [
    ['Billing & Help', 'billing-help'],
    ['  Website  ', 'website'],
    ['Support 24/7', 'support-24-7'],
    ['Crème brûlée', 'creme-brulee'],
    ['Café', 'cafe'],
    ['***', 'channel'],
    ['', 'channel'],
  ];
  for (const [name, key] of keys) {
    test(`channelKeyFrom(${JSON.stringify(name)}) is "${key}"`, () => {
      assert.equal(channelKeyFrom(name), key);
    });
  }

  test('channelKeyFrom keeps keys at most 40 characters, never ending in a dash, and valid for the widget', () => {
    const key = channelKeyFrom(`${'a'.repeat(39)} tail`);
    assert.ok(key.length <= 40);
    assert.doesNotMatch(key, /-$/);
    assert.match(channelKeyFrom('Ünïcödé Ünïcödé '.repeat(5)), /^[a-z0-9][a-z0-9-]{0,63}$/);
  });

  const host = 'support.example:8443';
  const channel = makeChannel({ allowedOrigins: ['https://shop.example', 'http://localhost:3000'] });
  const origins: [string, string | undefined, boolean][] = [
    ['a client that sends no Origin (not a browser)', undefined, true],
    ["the server's own pages", 'https://support.example:8443', true],
    ["the server's own host over another scheme", 'http://support.example:8443', true],
    ['an allowed origin', 'https://shop.example', true],
    ['another allowed origin, with its port', 'http://localhost:3000', true],
    ['an allowed host over another scheme', 'http://shop.example', false],
    ['an allowed host on another port', 'https://shop.example:444', false],
    ['a subdomain of an allowed origin', 'https://evil.shop.example', false],
    ['an allowed origin with a trailing slash', 'https://shop.example/', false],
    ['a foreign origin', 'https://evil.example', false],
    ['the server host on another port', 'https://support.example', false],
    ['a malformed origin', 'not a url', false],
    ['the literal null origin (sandboxed frames)', 'null', false],
  ];
  for (const [what, origin, allowed] of origins) {
    test(`A-4: ${what} is ${allowed ? 'allowed' : 'refused'}`, () => {
      assert.equal(originAllowed(channel, origin, host), allowed);
    });
  }

  test('A-4: a channel without allowed origins accepts only the server itself', () => {
    assert.equal(originAllowed(makeChannel(), 'https://shop.example', host), false);
    assert.equal(originAllowed(makeChannel(), 'https://support.example:8443', host), true);
    assert.equal(originAllowed(makeChannel(), 'https://support.example:8443', undefined), false, 'no Host header, no match');
  });
});
