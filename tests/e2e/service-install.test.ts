/**
 * Installing service mode (SPEC.md U-10) with the built reference client, into a temporary root
 * (`--service-root`), so no real systemd is needed: the program is copied, the unit runs it with
 * its config file, the channel key is only in that file (mode 0600, in a 0700 folder), `--dry-run`
 * writes nothing, and `--uninstall-service` removes what the install wrote.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { SUPPORT_CLIENT_FILE } from '../support/support-client-process.js';

const KEY = 'ch-1.e2e-secret-channel-key';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-service-'));

after(() => fs.rmSync(work, { recursive: true, force: true }));

/** Runs the built client with `args`; answers its exit code and output. */
function client(args: string[], env: Record<string, string> = {}): { code: number | null; out: string } {
  if (!fs.existsSync(SUPPORT_CLIENT_FILE)) throw new Error(`${SUPPORT_CLIENT_FILE} is missing: run \`npm run build\` first.`);
  const r = spawnSync(process.execPath, [SUPPORT_CLIENT_FILE, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** Every file under `dir`, relative, sorted. */
const filesUnder = (dir: string): string[] =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
        .sort()
    : [];

const mode = (p: string) => fs.statSync(p).mode & 0o777;

test('U-10: --install-service writes a systemd unit and a private config into a root; --uninstall-service removes them', () => {
  const root = path.join(work, 'system');
  const install = ['--server', 'https://support.example.com', '--channel-key', KEY, '--name', 'Reception PC', '--service-root', root];

  const dry = client(['--install-service', ...install, '--dry-run']);
  assert.equal(dry.code, 0, dry.out);
  assert.match(dry.out, /Would write .*\/etc\/systemd\/system\/porthole-support\.service \(mode 0644\)/);
  assert.match(dry.out, /Would run: systemctl enable --now porthole-support\.service/);
  assert.ok(!dry.out.includes(KEY), 'the dry run masks the key');
  assert.deepEqual(filesUnder(root), [], 'a dry run writes nothing');

  const done = client(['--install-service', ...install]);
  assert.equal(done.code, 0, done.out);
  assert.match(done.out, /Not run \(--service-root\): systemctl daemon-reload/);
  assert.deepEqual(filesUnder(root), [
    'etc/porthole/service.json',
    'etc/systemd/system/porthole-support.service',
    'opt/porthole/porthole-support.mjs',
  ]);
  assert.ok(fs.readFileSync(path.join(root, 'opt/porthole/porthole-support.mjs')).equals(fs.readFileSync(SUPPORT_CLIENT_FILE)));
  const unit = fs.readFileSync(path.join(root, 'etc/systemd/system/porthole-support.service'), 'utf8');
  assert.ok(
    unit.includes(
      `ExecStart="${process.execPath}" "/opt/porthole/porthole-support.mjs" "--service" "--service-config" "/etc/porthole/service.json"`,
    ),
    unit,
  );
  assert.ok(!unit.includes(KEY), 'the key is not in the unit');
  const config = path.join(root, 'etc/porthole/service.json');
  assert.deepEqual(JSON.parse(fs.readFileSync(config, 'utf8')), {
    server: 'https://support.example.com',
    channelKey: KEY,
    name: 'Reception PC',
    state: '/var/lib/porthole/device.json',
  });
  assert.equal(mode(config), 0o600);
  assert.equal(mode(path.dirname(config)), 0o700);

  const removed = client(['--uninstall-service', '--server', 'https://support.example.com', '--service-root', root]);
  assert.equal(removed.code, 0, removed.out);
  assert.deepEqual(filesUnder(root), []);
  assert.equal(fs.existsSync(path.join(root, 'etc/porthole')), false);
  assert.equal(fs.existsSync(path.join(root, 'opt/porthole')), false);
});

test('U-10: --user installs a user unit under the home folder', () => {
  const root = path.join(work, 'user');
  const home = '/home/ada';
  const done = client(
    ['--install-service', '--user', '--server', 'https://support.example.com', '--channel-key', KEY, '--service-root', root],
    { HOME: home },
  );
  assert.equal(done.code, 0, done.out);
  assert.match(done.out, /Not run \(--service-root\): systemctl --user enable --now porthole-support\.service/);
  assert.deepEqual(filesUnder(path.join(root, home)), [
    '.config/porthole/service.json',
    '.config/systemd/user/porthole-support.service',
    '.local/share/porthole/porthole-support.mjs',
  ]);
  assert.equal(mode(path.join(root, home, '.config/porthole/service.json')), 0o600);
  const removed = client(['--uninstall-service', '--user', '--server', 'https://support.example.com', '--service-root', root], {
    HOME: home,
  });
  assert.equal(removed.code, 0, removed.out);
  assert.deepEqual(filesUnder(root), []);
});
