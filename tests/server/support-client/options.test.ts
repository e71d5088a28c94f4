import assert from 'node:assert/strict';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { elevatedCommand, restartArgs, selfCommand } from '../../../demo/support-client/elevation.js';
import { chunksOf, FileReceiver, openForSending } from '../../../demo/support-client/files.js';
import { standardUserLimits } from '../../../demo/support-client/machine.js';
import { embeddedConfig, parseOptions, resolveServer } from '../../../demo/support-client/options.js';

const embed = (c: object) => Buffer.from(JSON.stringify(c)).toString('base64url');

describe('reference support client: options', () => {
  test('E-11: it connects to the server it came from and refuses another one unless told', () => {
    const home = { server: 'https://support.example.com', ticket: 'tok' };
    assert.equal(resolveServer(home, undefined, false), 'https://support.example.com');
    assert.equal(resolveServer(home, 'https://support.example.com/', false), 'https://support.example.com');
    assert.throws(() => resolveServer(home, 'https://evil.example.net', false), /will not connect to https:\/\/evil\.example\.net/);
    assert.equal(resolveServer(home, 'https://other.example.net', true), 'https://other.example.net');
    assert.throws(() => resolveServer(null, undefined, false), /--server/);
    assert.throws(() => resolveServer(null, 'file:///etc/passwd', false), /not an http/);
  });

  test('E-2, E-11: the embedded ticket is used only with the server that issued it', () => {
    const embedded = embeddedConfig(embed({ server: 'http://127.0.0.1:9', ticket: 'abc' }));
    assert.deepEqual(embedded, { server: 'http://127.0.0.1:9', ticket: 'abc' });
    assert.equal(embeddedConfig('__PORTHOLE_EMBEDDED_CONFIG__'), null);
    assert.equal(embeddedConfig('not base64 json'), null);
    const own = parseOptions([], embedded);
    assert.ok(own !== 'help');
    assert.deepEqual([own.server, own.ticket], ['http://127.0.0.1:9', 'abc']);
    const other = parseOptions(['--server', 'http://127.0.0.1:10', '--allow-other-server', '--code', '123456789'], embedded);
    assert.ok(other !== 'help');
    assert.deepEqual([other.server, other.ticket, other.code], ['http://127.0.0.1:10', null, '123456789']);
    assert.throws(() => parseOptions(['--bogus'], embedded));
  });

  test('E-12: without administrator rights it names what the technician cannot do', () => {
    assert.ok(standardUserLimits('windows').some((l) => l.includes('UAC')));
    assert.ok(standardUserLimits('linux').some((l) => l.includes('sudo')));
  });
});

describe('reference support client: files', () => {
  test('E-8: received files stay in their folder, arrive in order and within the announced size', async () => {
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'porthole-files-'));
    try {
      const rx = new FileReceiver(dir);
      assert.equal((await rx.offer({ transferId: 'a', name: '../escape.txt', size: 1 })).ok, false);
      assert.equal((await rx.offer({ transferId: 'a', name: 'big.bin', size: 6 * 1024 * 1024 })).ok, false);
      assert.ok((await rx.offer({ transferId: 'a', name: 'notes.txt', size: 6 })).ok);
      assert.equal((await rx.data({ transferId: 'a', index: 1, data: 'YWJj', last: false })).ok, false, 'out of order');
      assert.ok((await rx.offer({ transferId: 'b', name: 'notes.txt', size: 6 })).ok);
      assert.ok((await rx.data({ transferId: 'b', index: 0, data: 'YWJj', last: false })).ok);
      const done = await rx.data({ transferId: 'b', index: 1, data: 'ZGVm', last: true });
      assert.ok(done.ok);
      assert.equal(done.value, path.join(dir, 'notes.txt'), 'the aborted transfer left nothing behind');
      assert.equal(await fsp.readFile(path.join(dir, 'notes.txt'), 'utf8'), 'abcdef');
      assert.ok((await rx.offer({ transferId: 'c', name: 'notes.txt', size: 0 })).ok);
      assert.deepEqual(await rx.data({ transferId: 'c', index: 0, data: '', last: true }), {
        ok: true,
        value: path.join(dir, 'notes (1).txt'),
      });
      assert.deepEqual((await fsp.readdir(dir)).sort(), ['notes (1).txt', 'notes.txt'], 'a taken name gets a number');
    } finally {
      await fsp.rm(dir, { recursive: true, force: true });
    }
  });

  test('E-8: files to send are read in chunks of at most 8 KiB, the last one marked', async () => {
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'porthole-files-'));
    try {
      const file = path.join(dir, 'data.bin');
      await fsp.writeFile(file, Buffer.alloc(20_000, 7));
      const found = await openForSending(file);
      assert.ok(found.ok);
      assert.deepEqual([found.value.name, found.value.size], ['data.bin', 20_000]);
      const chunks = [];
      for await (const c of chunksOf(file)) chunks.push(c);
      assert.deepEqual(
        chunks.map((c) => [c.index, Buffer.from(c.data, 'base64').length, c.last]),
        [
          [0, 8192, false],
          [1, 8192, false],
          [2, 3616, true],
        ],
      );
      await fsp.writeFile(path.join(dir, 'empty'), '');
      const empty = [];
      for await (const c of chunksOf(path.join(dir, 'empty'))) empty.push(c);
      assert.deepEqual(empty, [{ index: 0, data: '', last: true }]);
      assert.equal((await openForSending(dir)).ok, false, 'a folder is not a file');
    } finally {
      await fsp.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('reference support client: elevation', () => {
  test('E-13: the elevated restart uses the system prompt and carries the new ticket, not the old secrets', () => {
    const args = restartArgs(['--code', '123456789', '--files-dir', '/tmp/x', '--ticket=old', '--server', 'http://a'], 'http://a', 'new');
    assert.deepEqual(args, ['--files-dir', '/tmp/x', '--server', 'http://a', '--allow-other-server', '--ticket', 'new']);
    assert.deepEqual(elevatedCommand('linux', ['/usr/bin/node', '/home/ana/porthole-support.mjs'], ['--ticket', 'new']), {
      file: 'sudo',
      args: ['/usr/bin/node', '/home/ana/porthole-support.mjs', '--ticket', 'new'],
    });
    const win = elevatedCommand(
      'win32',
      ['C:\\Program Files\\nodejs\\node.exe', "C:\\Users\\O'Neil\\porthole-support.mjs"],
      ['--ticket', 'new'],
    );
    assert.equal(win.file, 'powershell.exe');
    assert.match(
      win.args[2],
      /^Start-Process -Verb RunAs -FilePath 'C:\\Program Files\\nodejs\\node\.exe' -ArgumentList 'C:\\Users\\O''Neil\\porthole-support\.mjs','--ticket','new'$/,
    );
  });

  test('E-13: a single executable restarts itself without a script; a configured program replaces sudo', () => {
    assert.deepEqual(selfCommand('/opt/porthole-support', './porthole-support', true), ['/opt/porthole-support']);
    assert.deepEqual(selfCommand('/usr/bin/node', '/home/ana/porthole-support.mjs', false), [
      '/usr/bin/node',
      '/home/ana/porthole-support.mjs',
    ]);
    assert.deepEqual(elevatedCommand('linux', ['/opt/porthole-support'], ['--ticket', 'new'], 'pkexec'), {
      file: 'pkexec',
      args: ['/opt/porthole-support', '--ticket', 'new'],
    });
    const win = elevatedCommand('win32', ['C:\\porthole-support.exe'], ['--ticket', 'new']);
    assert.match(win.args[2], /-FilePath 'C:\\porthole-support\.exe' -ArgumentList '--ticket','new'$/);
  });
});
