import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { configDir, forgetDeviceState, loadDeviceState, saveDeviceState } from '../../../demo/support-client/device-state.js';
import { parseOptions } from '../../../demo/support-client/options.js';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-device-state-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));

describe('reference support client: service mode', () => {
  test('U-3: the identity survives a restart, for its own server only, in a file only this user reads', async () => {
    const file = path.join(work, 'nested', 'device.json');
    assert.equal(await loadDeviceState(file, 'https://support.example.com'), null);
    const state = { server: 'https://support.example.com', deviceId: 'd-1', secret: 's'.repeat(43) };
    await saveDeviceState(file, state);
    assert.deepEqual(await loadDeviceState(file, 'https://support.example.com'), state);
    assert.equal(await loadDeviceState(file, 'https://other.example.net'), null, 'another server never gets this secret');
    if (process.platform !== 'win32') assert.equal(fs.statSync(file).mode & 0o077, 0);
    fs.writeFileSync(file, 'not json');
    assert.equal(await loadDeviceState(file, 'https://support.example.com'), null);
  });

  test('U-9: a removed device forgets its identity, once or twice', async () => {
    const file = path.join(work, 'removed', 'device.json');
    const state = { server: 'https://support.example.com', deviceId: 'd-2', secret: 's'.repeat(43) };
    await saveDeviceState(file, state);
    await forgetDeviceState(file);
    assert.equal(fs.existsSync(file), false);
    assert.equal(await loadDeviceState(file, state.server), null);
    await forgetDeviceState(file);
  });

  test('U-3: the state goes in the user’s config folder of each system', () => {
    assert.equal(configDir('win32', { APPDATA: 'D:/Profiles/ana/Roaming' }), 'D:/Profiles/ana/Roaming');
    assert.equal(configDir('linux', { XDG_CONFIG_HOME: '/srv/conf' }), '/srv/conf');
    assert.equal(configDir('linux', {}), path.join(os.homedir(), '.config'));
    assert.equal(configDir('darwin', {}), path.join(os.homedir(), 'Library', 'Application Support'));
  });

  test('U-3: --service needs a channel key; name and state are optional', () => {
    assert.throws(() => parseOptions(['--service', '--server', 'https://s.example.com'], null), /--channel-key/);
    const o = parseOptions(['--service', '--channel-key', 'c.k', '--server', 'https://s.example.com', '--name', 'Till'], null);
    assert.ok(o !== 'help');
    assert.deepEqual(o.service, { channelKey: 'c.k', name: 'Till', statePath: null });
    const attended = parseOptions(['--server', 'https://s.example.com'], null);
    assert.ok(attended !== 'help');
    assert.equal(attended.service, null);
  });
});
