/**
 * Service mode installed to start with the machine (U-10): a systemd unit on Linux (system or
 * `--user`), a launchd plist on macOS (daemon or agent), a Windows service through `sc.exe`. Plain
 * functions: they say which files to write (with their modes), what to copy and which commands to
 * run; `service-apply.ts` does it. The channel key never goes on a command line: it is in a
 * config file readable only by the user the service runs as.
 */
import path from 'node:path';

/** Where the service runs: for the whole machine, or for the installing user only. */
export type ServiceScope = 'system' | 'user';

/** What the install needs to know. */
export interface ServiceInput {
  platform: NodeJS.Platform;
  scope: ServiceScope;
  home: string;
  /** The user's id (launchd's `gui/<uid>` domain). */
  uid: number;
  /** The Node binary, or the single executable itself. */
  execPath: string;
  /** The client script, or null for a single executable (it is its own program). */
  script: string | null;
  server: string;
  channelKey: string;
  name: string | null;
  allowOtherServer: boolean;
  /** `%ProgramData%` on Windows. */
  programData?: string;
}

/** A file to write. */
export interface PlannedFile {
  path: string;
  content: string;
  mode: number;
}

/** What installing (or removing) the service does. */
export interface ServicePlan {
  /** The installed program: copied from `from` to `to`. */
  copy: { from: string; to: string } | null;
  files: PlannedFile[];
  /** Run in order; with a `--service-root` they are shown, not run. */
  commands: string[][];
  /** Removed by the uninstall (files and, last, folders). */
  remove: string[];
}

/** The service's name in each system. */
export const SERVICE_NAME = { systemd: 'porthole-support.service', launchd: 'com.porthole.support', windows: 'PortholeSupport' } as const;

/** The config file the service reads (`--service-config`): everything it needs, the key included. */
export interface ServiceConfig {
  server: string;
  channelKey: string;
  name?: string;
  state: string;
  allowOtherServer?: boolean;
}

/** Where each part of the service goes. */
interface Layout {
  dir: string;
  program: string;
  config: string;
  state: string;
  /** The unit or plist ('' on Windows, where the service manager keeps it). */
  unit: string;
  /** launchd's log folder. */
  logs: string | null;
  /** Folders the install makes, removed when empty by the uninstall. */
  folders: string[];
}

/** Where each part goes for `input`. */
function layout(input: ServiceInput): Layout {
  const { platform, scope, home } = input;
  const program = (input.platform === 'win32' ? path.win32 : path.posix).basename(input.script ?? input.execPath);
  if (platform === 'win32') {
    const dir = path.win32.join(input.programData ?? 'C:\\ProgramData', 'Porthole');
    return {
      dir,
      program: path.win32.join(dir, program),
      config: path.win32.join(dir, 'service.json'),
      state: path.win32.join(dir, 'device.json'),
      unit: '',
      logs: null,
      folders: [dir],
    };
  }
  if (platform === 'darwin') {
    const dir =
      scope === 'system' ? '/Library/Application Support/Porthole' : path.posix.join(home, 'Library/Application Support/Porthole');
    const logs = scope === 'system' ? '/Library/Logs/Porthole' : path.posix.join(home, 'Library/Logs/Porthole');
    const plist =
      scope === 'system'
        ? `/Library/LaunchDaemons/${SERVICE_NAME.launchd}.plist`
        : path.posix.join(home, `Library/LaunchAgents/${SERVICE_NAME.launchd}.plist`);
    return {
      dir,
      program: path.posix.join(dir, program),
      config: path.posix.join(dir, 'service.json'),
      state: path.posix.join(dir, 'device.json'),
      unit: plist,
      logs,
      folders: [dir, logs],
    };
  }
  const system = scope === 'system';
  const dir = system ? '/opt/porthole' : path.posix.join(home, '.local/share/porthole');
  const configDir = system ? '/etc/porthole' : path.posix.join(home, '.config/porthole');
  const stateDir = system ? '/var/lib/porthole' : configDir;
  return {
    dir,
    program: path.posix.join(dir, program),
    config: path.posix.join(configDir, 'service.json'),
    state: path.posix.join(stateDir, 'device.json'),
    logs: null,
    unit: system ? `/etc/systemd/system/${SERVICE_NAME.systemd}` : path.posix.join(home, `.config/systemd/user/${SERVICE_NAME.systemd}`),
    folders: system ? [dir, configDir, stateDir] : [dir, configDir],
  };
}

/** The service's command line: the program, then `--service --service-config <file>`; no secret in it. */
function commandLine(input: ServiceInput, l: Layout): string[] {
  const run = input.script ? [input.execPath, l.program] : [l.program];
  return [...run, '--service', '--service-config', l.config];
}

/**
 * One argument of a systemd `ExecStart=`: in double quotes, with `\` and `"` escaped, and `%` and
 * `$` doubled so systemd expands no specifier or variable in a path.
 */
export function systemdQuote(arg: string): string {
  return `"${arg
    .replace(/[\\"]/g, (c) => `\\${c}`)
    .replace(/%/g, '%%')
    .replace(/\$/g, '$$$$')}"`;
}

/** Text for an XML element or attribute. */
export function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

/**
 * One argument of a Windows command line, as `CommandLineToArgvW` reads it back: quoted when it has
 * spaces or quotes, backslashes before a quote (and before the closing quote) doubled.
 */
export function windowsQuote(arg: string): string {
  if (arg !== '' && !/[\s"]/.test(arg)) return arg;
  return `"${arg.replace(/(\\*)"/g, '$1$1\\"').replace(/(\\+)$/, '$1$1')}"`;
}

/** The systemd unit. */
export function systemdUnit(input: ServiceInput): string {
  const l = layout(input);
  const system = input.scope === 'system';
  return [
    '[Unit]',
    'Description=Porthole support client (unattended access)',
    'After=network-online.target',
    'Wants=network-online.target',
    '',
    '[Service]',
    'Type=simple',
    `ExecStart=${commandLine(input, l).map(systemdQuote).join(' ')}`,
    'Restart=always',
    'RestartSec=5',
    'Environment=NO_COLOR=1',
    ...(system ? ['UMask=0077'] : []),
    '',
    '[Install]',
    `WantedBy=${system ? 'multi-user.target' : 'default.target'}`,
    '',
  ].join('\n');
}

/** The launchd plist. */
export function launchdPlist(input: ServiceInput): string {
  const l = layout(input);
  const logs = l.logs ?? l.dir;
  const args = commandLine(input, l)
    .map((a) => `    <string>${xmlEscape(a)}</string>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>Label</key>
  <string>${SERVICE_NAME.launchd}</string>
  <key>ProgramArguments</key>
  <array>
${args}
  </array>
  <key>RunAtLoad</key>
  <true/>
  <key>KeepAlive</key>
  <true/>
  <key>EnvironmentVariables</key>
  <dict>
    <key>NO_COLOR</key>
    <string>1</string>
  </dict>
  <key>StandardOutPath</key>
  <string>${xmlEscape(`${logs}/porthole-support.log`)}</string>
  <key>StandardErrorPath</key>
  <string>${xmlEscape(`${logs}/porthole-support.log`)}</string>
</dict>
</plist>
`;
}

/** The `sc.exe create` command (its `binPath=` is one argument holding the quoted command line). */
export function scCreate(input: ServiceInput): string[] {
  const l = layout(input);
  const binPath = commandLine(input, l).map(windowsQuote).join(' ');
  return ['sc.exe', 'create', SERVICE_NAME.windows, 'binPath=', binPath, 'start=', 'auto', 'DisplayName=', 'Porthole support client'];
}

/** The config file's content. */
export function serviceConfig(input: ServiceInput): ServiceConfig {
  const l = layout(input);
  return {
    server: input.server,
    channelKey: input.channelKey,
    ...(input.name ? { name: input.name } : {}),
    state: l.state,
    ...(input.allowOtherServer ? { allowOtherServer: true } : {}),
  };
}

/** What installing the service writes and runs. */
export function installPlan(input: ServiceInput): ServicePlan {
  const l = layout(input);
  const config: PlannedFile = { path: l.config, content: `${JSON.stringify(serviceConfig(input), null, 2)}\n`, mode: 0o600 };
  const copy = { from: input.script ?? input.execPath, to: l.program };
  const user = input.scope === 'user';
  const remove = [l.program, l.config, l.state];
  if (input.platform === 'win32') {
    return {
      copy,
      files: [config],
      commands: [
        // NTFS ignores the mode: only the service's account (LocalSystem) and administrators may read the key.
        ['icacls', l.config, '/inheritance:r', '/grant:r', 'SYSTEM:F', '/grant:r', 'Administrators:F'],
        scCreate(input),
        ['sc.exe', 'description', SERVICE_NAME.windows, 'Porthole unattended access'],
        ['sc.exe', 'start', SERVICE_NAME.windows],
      ],
      remove: [...remove, ...l.folders],
    };
  }
  const unit = l.unit;
  if (input.platform === 'darwin') {
    const domain = user ? `gui/${input.uid}` : 'system';
    return {
      copy,
      // launchd writes the log but does not make its folder.
      files: [
        config,
        { path: unit, content: launchdPlist(input), mode: 0o644 },
        { path: `${l.logs}/porthole-support.log`, content: '', mode: 0o600 },
      ],
      commands: [['launchctl', 'bootstrap', domain, unit]],
      remove: [...remove, unit, `${l.logs}/porthole-support.log`, ...l.folders],
    };
  }
  const systemctl = user ? ['systemctl', '--user'] : ['systemctl'];
  return {
    copy,
    files: [config, { path: unit, content: systemdUnit(input), mode: 0o644 }],
    commands: [
      [...systemctl, 'daemon-reload'],
      [...systemctl, 'enable', '--now', SERVICE_NAME.systemd],
    ],
    remove: [...remove, unit, ...l.folders],
  };
}

/** What removing the service runs: `before` its files go (stop it), and `after` (forget it). */
export function uninstallCommands(input: ServiceInput): { before: string[][]; after: string[][] } {
  if (input.platform === 'win32') {
    return {
      before: [
        ['sc.exe', 'stop', SERVICE_NAME.windows],
        ['sc.exe', 'delete', SERVICE_NAME.windows],
      ],
      after: [],
    };
  }
  if (input.platform === 'darwin') {
    return {
      before: [['launchctl', 'bootout', `${input.scope === 'user' ? `gui/${input.uid}` : 'system'}/${SERVICE_NAME.launchd}`]],
      after: [],
    };
  }
  const systemctl = input.scope === 'user' ? ['systemctl', '--user'] : ['systemctl'];
  return { before: [[...systemctl, 'disable', '--now', SERVICE_NAME.systemd]], after: [[...systemctl, 'daemon-reload']] };
}

/** A command as the admin would type it (for `--dry-run` and messages). */
export function shownCommand(argv: readonly string[], platform: NodeJS.Platform): string {
  if (platform === 'win32') return argv.map(windowsQuote).join(' ');
  return argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}
