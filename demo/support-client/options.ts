/**
 * The client's command line and the configuration its download carries (E-2, E-11): which server
 * to talk to, and the ticket to redeem. The server's address is the one the file was downloaded
 * from; another one is refused unless the visitor says `--allow-other-server`.
 */
import { parseArgs } from 'node:util';

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
export function parseOptions(argv: string[], embedded = embeddedConfig()): ClientOptions | 'help' {
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
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const server = resolveServer(embedded, values.server, values['allow-other-server'] ?? false);
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
    service,
  };
}
