import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseOptions } from '../../../demo/support-client/options.js';
import {
  installPlan,
  launchdPlist,
  scCreate,
  shownCommand,
  systemdQuote,
  systemdUnit,
  uninstallCommands,
  windowsQuote,
  xmlEscape,
  type ServiceInput,
} from '../../../demo/support-client/service-install.js';

const KEY = 'ch-1.s3cr3t-channel-key';

const input = (over: Partial<ServiceInput> = {}): ServiceInput => ({
  platform: 'linux',
  scope: 'system',
  home: '/home/ada',
  uid: 1000,
  execPath: '/usr/bin/node',
  script: '/home/ada/Downloads/porthole-support.mjs',
  server: 'https://support.example.com',
  channelKey: KEY,
  name: 'Reception PC',
  allowOtherServer: false,
  ...over,
});

/** Every command line and service definition of a plan: none may hold the key. */
const everythingButTheConfig = (i: ServiceInput) => {
  const plan = installPlan(i);
  return [...plan.files.filter((f) => !f.path.endsWith('service.json')).map((f) => f.content), ...plan.commands.flat()].join('\n');
};

describe('U-10: installing service mode', () => {
  test('Linux: a systemd system unit runs the copied client with its config file; the key is only in that file, mode 0600', () => {
    const plan = installPlan(input());
    assert.deepEqual(plan.copy, { from: '/home/ada/Downloads/porthole-support.mjs', to: '/opt/porthole/porthole-support.mjs' });
    const unit = plan.files.find((f) => f.path === '/etc/systemd/system/porthole-support.service');
    assert.ok(unit);
    assert.equal(unit.mode, 0o644);
    assert.match(
      unit.content,
      /^ExecStart="\/usr\/bin\/node" "\/opt\/porthole\/porthole-support\.mjs" "--service" "--service-config" "\/etc\/porthole\/service\.json"$/m,
    );
    assert.match(unit.content, /^Restart=always$/m);
    assert.match(unit.content, /^WantedBy=multi-user\.target$/m);
    const config = plan.files.find((f) => f.path === '/etc/porthole/service.json');
    assert.equal(config?.mode, 0o600);
    assert.deepEqual(JSON.parse(config.content), {
      server: 'https://support.example.com',
      channelKey: KEY,
      name: 'Reception PC',
      state: '/var/lib/porthole/device.json',
    });
    assert.deepEqual(plan.commands, [
      ['systemctl', 'daemon-reload'],
      ['systemctl', 'enable', '--now', 'porthole-support.service'],
    ]);
    assert.ok(!everythingButTheConfig(input()).includes('s3cr3t'), 'the key is on no command line');
    assert.deepEqual(uninstallCommands(input()), {
      before: [['systemctl', 'disable', '--now', 'porthole-support.service']],
      after: [['systemctl', 'daemon-reload']],
    });
  });

  test('Linux --user: a user unit under ~/.config, started by systemctl --user, for default.target', () => {
    const plan = installPlan(input({ scope: 'user' }));
    assert.equal(plan.copy?.to, '/home/ada/.local/share/porthole/porthole-support.mjs');
    const paths = plan.files.map((f) => f.path);
    assert.deepEqual(paths, ['/home/ada/.config/porthole/service.json', '/home/ada/.config/systemd/user/porthole-support.service']);
    assert.match(plan.files[1].content, /^WantedBy=default\.target$/m);
    assert.ok(!plan.files[1].content.includes('UMask'), 'a user unit keeps the user’s own umask');
    assert.deepEqual(plan.commands[1], ['systemctl', '--user', 'enable', '--now', 'porthole-support.service']);
    assert.equal((JSON.parse(plan.files[0].content) as { state: string }).state, '/home/ada/.config/porthole/device.json');
  });

  test('systemd quoting: spaces, quotes, backslashes, % and $ in paths survive', () => {
    assert.equal(systemdQuote('/opt/my dir/node'), '"/opt/my dir/node"');
    assert.equal(systemdQuote('a"b\\c'), '"a\\"b\\\\c"');
    assert.equal(systemdQuote('100%$HOME'), '"100%%$$HOME"');
    const unit = systemdUnit(input({ execPath: '/opt/node 20/bin/node', home: '/home/a b', scope: 'user' }));
    assert.match(unit, /^ExecStart="\/opt\/node 20\/bin\/node" "\/home\/a b\/\.local\/share\/porthole\/porthole-support\.mjs" /m);
  });

  test('macOS: a launchd daemon in /Library (paths with spaces as plain plist strings), bootstrapped into the system domain', () => {
    const mac = input({ platform: 'darwin', home: '/Users/ada', script: '/Users/ada/Downloads/porthole-support.mjs' });
    const plan = installPlan(mac);
    const plist = plan.files.find((f) => f.path === '/Library/LaunchDaemons/com.porthole.support.plist');
    assert.ok(plist);
    assert.ok(
      plist.content.includes(`    <string>/usr/bin/node</string>
    <string>/Library/Application Support/Porthole/porthole-support.mjs</string>
    <string>--service</string>
    <string>--service-config</string>
    <string>/Library/Application Support/Porthole/service.json</string>`),
      plist.content,
    );
    assert.match(plist.content, /<key>KeepAlive<\/key>\s*<true\/>/);
    assert.equal(plan.files.find((f) => f.path.endsWith('service.json'))?.mode, 0o600);
    assert.deepEqual(plan.commands, [['launchctl', 'bootstrap', 'system', '/Library/LaunchDaemons/com.porthole.support.plist']]);
    assert.ok(!everythingButTheConfig(mac).includes('s3cr3t'));
    const agent = installPlan({ ...mac, scope: 'user' });
    assert.deepEqual(agent.commands, [
      ['launchctl', 'bootstrap', 'gui/1000', '/Users/ada/Library/LaunchAgents/com.porthole.support.plist'],
    ]);
    assert.deepEqual(uninstallCommands({ ...mac, scope: 'user' }).before, [['launchctl', 'bootout', 'gui/1000/com.porthole.support']]);
    assert.equal(xmlEscape('a&b<c>"d\''), 'a&amp;b&lt;c&gt;&quot;d&apos;');
    assert.ok(launchdPlist({ ...mac, execPath: '/opt/R&D/node' }).includes('<string>/opt/R&amp;D/node</string>'));
  });

  test('Windows: sc.exe create with the quoted command line as one binPath, the config locked to SYSTEM and administrators', () => {
    const win = input({
      platform: 'win32',
      home: 'C:\\Users\\Ada',
      execPath: 'C:\\Program Files\\nodejs\\node.exe',
      script: 'C:\\Users\\Ada\\Downloads\\porthole-support.mjs',
      programData: 'C:\\ProgramData',
    });
    assert.deepEqual(scCreate(win), [
      'sc.exe',
      'create',
      'PortholeSupport',
      'binPath=',
      '"C:\\Program Files\\nodejs\\node.exe" C:\\ProgramData\\Porthole\\porthole-support.mjs --service --service-config C:\\ProgramData\\Porthole\\service.json',
      'start=',
      'auto',
      'DisplayName=',
      'Porthole support client',
    ]);
    const plan = installPlan(win);
    assert.equal(plan.files[0].path, 'C:\\ProgramData\\Porthole\\service.json');
    assert.equal(plan.files[0].mode, 0o600);
    assert.deepEqual(plan.commands[0], [
      'icacls',
      'C:\\ProgramData\\Porthole\\service.json',
      '/inheritance:r',
      '/grant:r',
      'SYSTEM:F',
      '/grant:r',
      'Administrators:F',
    ]);
    assert.ok(!everythingButTheConfig(win).includes('s3cr3t'));
    // A single executable is its own program.
    const sea = scCreate({ ...win, execPath: 'C:\\Users\\Ada\\Downloads\\porthole support.exe', script: null });
    assert.equal(
      sea[4],
      '"C:\\ProgramData\\Porthole\\porthole support.exe" --service --service-config C:\\ProgramData\\Porthole\\service.json',
    );
    assert.deepEqual(uninstallCommands(win).before, [
      ['sc.exe', 'stop', 'PortholeSupport'],
      ['sc.exe', 'delete', 'PortholeSupport'],
    ]);
  });

  test('Windows quoting follows CommandLineToArgvW: quotes escaped, backslashes before them doubled', () => {
    assert.equal(windowsQuote('plain'), 'plain');
    assert.equal(windowsQuote(''), '""');
    assert.equal(windowsQuote('C:\\a b\\'), '"C:\\a b\\\\"');
    assert.equal(windowsQuote('say "hi"'), '"say \\"hi\\""');
    assert.equal(windowsQuote('a\\"b'), '"a\\\\\\"b"');
    assert.equal(shownCommand(['sc.exe', 'binPath=', 'a b'], 'win32'), 'sc.exe binPath= "a b"');
    assert.equal(shownCommand(['launchctl', 'bootstrap', "it's here"], 'darwin'), "launchctl bootstrap 'it'\\''s here'");
  });

  test('U-10: the options: install needs the key; the installed service reads everything from its config file', () => {
    const embedded = { server: 'https://support.example.com' };
    const install = parseOptions(['--install-service', '--channel-key', KEY, '--user', '--service-root', '/tmp/r', '--dry-run'], embedded);
    assert.ok(install !== 'help');
    assert.deepEqual(install.serviceInstall, {
      action: 'install',
      scope: 'user',
      root: '/tmp/r',
      dryRun: true,
      channelKey: KEY,
      name: null,
      allowOtherServer: false,
    });
    assert.throws(() => parseOptions(['--install-service'], embedded), /needs --channel-key/);
    assert.throws(() => parseOptions(['--install-service', '--uninstall-service', '--channel-key', KEY], embedded), /not both/);
    const uninstall = parseOptions(['--uninstall-service'], embedded);
    assert.equal(uninstall !== 'help' && uninstall.serviceInstall?.action, 'uninstall');

    const config = JSON.stringify({
      server: 'https://support.example.com',
      channelKey: KEY,
      name: 'Till',
      state: '/var/lib/porthole/device.json',
    });
    const run = parseOptions(['--service', '--service-config', '/etc/porthole/service.json'], embedded, (file) => {
      assert.equal(file, '/etc/porthole/service.json');
      return config;
    });
    assert.ok(run !== 'help');
    assert.deepEqual(
      [run.server, run.service],
      ['https://support.example.com', { channelKey: KEY, name: 'Till', statePath: '/var/lib/porthole/device.json' }],
    );
    assert.throws(
      () => parseOptions(['--service', '--service-config', 'x'], embedded, () => '{"server":"https://support.example.com"}'),
      /needs "server", "channelKey" and "state"/,
    );
    // E-11 holds for the config's server too.
    const other = JSON.stringify({ server: 'https://evil.example.net', channelKey: KEY, state: '/s' });
    assert.throws(() => parseOptions(['--service', '--service-config', 'x'], embedded, () => other), /will not connect/);
  });
});
