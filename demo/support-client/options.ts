/**
 * The client's command line and the configuration its download carries (E-2, E-11): which server
 * to talk to, and the ticket to redeem. The server's address is the one the file was downloaded
 * from; another one is refused unless the visitor says `--allow-other-server`.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { ServiceConfig, ServiceScope } from './service-install.js';

/** What the server wrote into the download (`server/transport/http/download-routes.ts`). */
export interface EmbeddedConfig {
  server: string;
  ticket?: string;
}

/** The placeholder a plain build keeps; the download replaces it with base64url JSON. */
const EMBEDDED = '__PORTHOLE_EMBEDDED_CONFIG__';

/** What the client runs with. */
export interface ClientOptions {
  server: string;
  ticket: string | null;
  code: string | null;
  filesDir: string | null;
  /** Use a plain pipe even when node-pty is available (for systems where a PTY misbehaves). */
  noPty: boolean;
  /** Service mode (unattended access, U-3): set when `--service` is given. */
  service: ServiceOptions | null;
  /** U-10: install or remove service mode as a service of the system, instead of running. */
  serviceInstall: ServiceInstallOptions | null;
}

/** `--install-service` / `--uninstall-service`. */
export interface ServiceInstallOptions {
  action: 'install' | 'uninstall';
  scope: ServiceScope;
  /** Install under this folder, running no command (`--service-root`). */
  root: string | null;
  dryRun: boolean;
  /** Install only: the key, its name and whether another server is allowed, for the config file. */
  channelKey: string;
  name: string | null;
  allowOtherServer: boolean;
}

/** What the client needs to run as an unattended device. */
export interface ServiceOptions {
  channelKey: string;
  /** The device's name in the console; by default the machine's host name. */
  name: string | null;
  /** The state file that keeps the device's identity; by default in the user's config folder. */
  statePath: string | null;
}

/** The usage text. */
export const USAGE = `Porthole support client

  node porthole-support.mjs [--code 123456789] [--server URL] [--allow-other-server]
                            [--files-dir DIR] [--no-pty]

  --code                 the 9-digit code shown in the chat (asked for when needed)
  --server               the Porthole server; by default the one this file came from
  --allow-other-server   connect to --server even if it is not the one this file came from
  --files-dir            where files from the technician are saved (default: ~/Downloads/Porthole)
  --no-pty               use a plain pipe for the command shell
  --ticket               a single-use ticket (the client passes one to itself when it restarts elevated)

  node porthole-support.mjs --service --channel-key KEY --server URL [--name NAME] [--state FILE]

  --service              unattended access: register this computer with the channel and stay
                         connected, so members of the channel can connect later with nobody here
  --channel-key          the channel key an admin made in the console (Admin > Channels)
  --name                 the name the console shows for this computer (default: its host name)
  --state                where the device's identity is kept (default: the user's config folder)
  --service-config       read the server, key, name and state file from this JSON file instead
                         (what an installed service runs with, so the key is on no command line)

  node porthole-support.mjs --install-service --channel-key KEY --server URL [--name NAME]
                            [--user] [--service-root DIR] [--dry-run]
  node porthole-support.mjs --uninstall-service [--user] [--service-root DIR] [--dry-run]

  --install-service      install service mode to start with the machine: a systemd unit (Linux),
                         a launchd daemon (macOS) or a Windows service; the key goes into a config
                         file only the service's user can read (run as root / administrator)
  --uninstall-service    stop and remove it
  --user                 for this user only (systemd --user, a launchd agent), no root needed
  --service-root         write everything under this folder and run no command (staging, tests)
  --dry-run              print what would be written and run, and do nothing
`;

/** The configuration written into this file, or null in a plain build. */
export function embeddedConfig(raw: string = EMBEDDED): EmbeddedConfig | null {
  if (raw.startsWith('__PORTHOLE')) return null;
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<EmbeddedConfig>;
    return typeof parsed.server === 'string'
      ? { server: parsed.server, ticket: typeof parsed.ticket === 'string' ? parsed.ticket : undefined }
      : null;
  } catch {
    return null;
  }
}

/** An address reduced to its origin, e.g. `https://support.example.com`. */
function originOf(address: string): string {
  const url = new URL(address);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${address} is not an http(s) address.`);
  return url.origin;
}

/**
 * E-11: the server to use. Throws with a sentence for the visitor when `--server` names another
 * server than the download's and `--allow-other-server` is missing, or when there is no server at all.
 */
export function resolveServer(embedded: EmbeddedConfig | null, flag: string | undefined, allowOther: boolean): string {
  if (!embedded) {
    if (!flag) throw new Error('This copy does not know its server: run it with --server https://your-support-server.');
    return originOf(flag);
  }
  const home = originOf(embedded.server);
  if (!flag) return home;
  const asked = originOf(flag);
  if (asked !== home && !allowOther) {
    throw new Error(
      `This support client came from ${home} and will not connect to ${asked}. If you trust ${asked}, add --allow-other-server.`,
    );
  }
  return asked;
}

/** Parses `argv` (without node and the script) into options; throws on unknown flags. */
export function parseOptions(
  argv: string[],
  embedded = embeddedConfig(),
  readFile: (file: string) => string = (file) => fs.readFileSync(file, 'utf8'),
): ClientOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      code: { type: 'string' },
      ticket: { type: 'string' },
      server: { type: 'string' },
      'allow-other-server': { type: 'boolean', default: false },
      'files-dir': { type: 'string' },
      'no-pty': { type: 'boolean', default: false },
      service: { type: 'boolean', default: false },
      'channel-key': { type: 'string' },
      name: { type: 'string' },
      state: { type: 'string' },
      'service-config': { type: 'string' },
      'install-service': { type: 'boolean', default: false },
      'uninstall-service': { type: 'boolean', default: false },
      user: { type: 'boolean', default: false },
      'service-root': { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const configFile = values['service-config'];
  if (configFile) return fromServiceConfig(readServiceConfig(readFile, configFile), embedded, values['no-pty'] ?? false);
  const allowOther = values['allow-other-server'] ?? false;
  const server = resolveServer(embedded, values.server, allowOther);
  if (values['install-service'] && values['uninstall-service']) throw new Error('Give --install-service or --uninstall-service, not both.');
  const action: ServiceInstallOptions['action'] | null = values['install-service']
    ? 'install'
    : values['uninstall-service']
      ? 'uninstall'
      : null;
  if (action === 'install' && !values['channel-key'])
    throw new Error('--install-service needs --channel-key (an admin makes one in the console).');
  const serviceInstall = action && {
    action,
    scope: values.user ? ('user' as const) : ('system' as const),
    root: values['service-root'] ?? null,
    dryRun: values['dry-run'] ?? false,
    channelKey: values['channel-key'] ?? '',
    name: values.name ?? null,
    allowOtherServer: allowOther,
  };
  // A ticket belongs to the server that issued it; it is not sent anywhere else.
  const ticket = values.ticket ?? (embedded?.ticket && originOf(embedded.server) === server ? embedded.ticket : null);
  if (values.service && !values['channel-key']) throw new Error('--service needs --channel-key (an admin makes one in the console).');
  const service = values.service
    ? { channelKey: values['channel-key'] ?? '', name: values.name ?? null, statePath: values.state ?? null }
    : null;
  return {
    server,
    ticket,
    code: values.code ?? null,
    filesDir: values['files-dir'] ?? null,
    noPty: values['no-pty'] ?? false,
    service: serviceInstall ? null : service,
    serviceInstall,
  };
}

/** The installed service's config file (U-10), checked. */
function readServiceConfig(readFile: (file: string) => string, file: string): ServiceConfig {
  let parsed: Partial<ServiceConfig>;
  try {
    parsed = JSON.parse(readFile(file)) as Partial<ServiceConfig>;
  } catch (e) {
    throw new Error(`Cannot read the service config ${file}: ${(e as Error).message}`);
  }
  if (
    typeof parsed.server !== 'string' ||
    typeof parsed.channelKey !== 'string' ||
    !parsed.channelKey ||
    typeof parsed.state !== 'string'
  ) {
    throw new Error(`The service config ${file} needs "server", "channelKey" and "state".`);
  }
  return {
    server: parsed.server,
    channelKey: parsed.channelKey,
    state: parsed.state,
    name: typeof parsed.name === 'string' ? parsed.name : undefined,
    allowOtherServer: parsed.allowOtherServer === true,
  };
}

/** Service mode as the config file says. */
function fromServiceConfig(c: ServiceConfig, embedded: EmbeddedConfig | null, noPty: boolean): ClientOptions {
  return {
    server: resolveServer(embedded, c.server, c.allowOtherServer ?? false),
    ticket: null,
    code: null,
    filesDir: null,
    noPty,
    service: { channelKey: c.channelKey, name: c.name ?? null, statePath: c.state },
    serviceInstall: null,
  };
}
