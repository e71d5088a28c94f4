/**
 * The server's configuration, read from the environment and validated once at start. Everything else
 * receives a {@link Config} and never reads `process.env` itself.
 */
import path from 'node:path';
import * as v from 'valibot';
import { deskConfig, DeskEnvSchema, type DeskConfig } from './desk-config.js';

const Port = v.pipe(v.string(), v.transform(Number), v.integer(), v.minValue(0), v.maxValue(65535));

const EnvSchema = v.object({
  PORT: v.optional(Port, '8787'),
  HOST: v.optional(v.string(), '0.0.0.0'),
  DATA_DIR: v.optional(v.pipe(v.string(), v.minLength(1)), './data'),
  DATABASE_URL: v.optional(v.pipe(v.string(), v.regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'))),
  REDIS_URL: v.optional(v.pipe(v.string(), v.regex(/^rediss?:\/\//, 'must be a redis:// URL'))),
  REDIS_KEY: v.optional(v.pipe(v.string(), v.regex(/^[\w.:-]{1,100}$/, 'must be letters, digits, . : _ or -')), 'socket.io'),
  PORTHOLE_ADMIN_EMAIL: v.optional(v.pipe(v.string(), v.email()), 'admin@porthole.local'),
  PORTHOLE_ADMIN_PASSWORD: v.optional(v.pipe(v.string(), v.minLength(8, 'must be at least 8 characters'))),
  PORTHOLE_PUBLIC_URL: v.optional(v.pipe(v.string(), v.url())),
  TRUST_PROXY: v.optional(v.picklist(['true', 'false', '1', '0']), 'false'),
  PORTHOLE_MESSAGE_RATE: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d+(\.\d+)?\/\d+$/, 'must be PER_SECOND/BURST, e.g. 5/20'),
      v.check((s) => s.split('/').every((n) => Number(n) > 0), 'must be above 0 on both sides'),
    ),
  ),
  SQLITE_SYNCHRONOUS: v.optional(v.picklist(['normal', 'full']), 'normal'),
  ATTACHMENTS_DIR: v.optional(v.pipe(v.string(), v.minLength(1))),
  LOG_LEVEL: v.optional(v.picklist(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'info'),
  ...DeskEnvSchema.entries,
});

/** Validated server settings. */
export interface Config {
  port: number;
  host: string;
  /** Folder of the SQLite file and, by default, of uploaded files. */
  dataDir: string;
  /** PostgreSQL instead of the embedded SQLite file when set. */
  databaseUrl: string | undefined;
  /** Enables the socket.io Redis adapter so several server processes share rooms. */
  redisUrl: string | undefined;
  /** Prefix of the adapter's Redis channels: installs sharing one Redis each take their own. */
  redisKey: string;
  adminEmail: string;
  /** Password of the first admin; generated and printed once when unset. */
  adminPassword: string | undefined;
  publicUrl: string | undefined;
  /** Believe X-Forwarded-For for client addresses (rate limits); only behind your own proxy. */
  trustProxy: boolean;
  logLevel: string;
  /** SQLite durability: `normal` survives crashes, `full` also the last commits before a power cut. */
  sqliteSynchronous: 'normal' | 'full';
  /** Chat flood limit per sender (L-1), from `PORTHOLE_MESSAGE_RATE`; the core's default when unset. */
  messageRate: { perSecond: number; burst: number } | undefined;
  /** Folder of uploaded attachments (`ATTACHMENTS_DIR`, by default `<dataDir>/attachments`). */
  attachmentsDir: string;
  /** Folder holding the built widget and console (`npm run build`). */
  distDir: string;
  /** Folder of the demo website. */
  siteDir: string;
  /** Service desk mail: SMTP out, SMTP listener and IMAP in. */
  desk: DeskConfig;
}

function parseRate(text: string | undefined): Config['messageRate'] {
  if (!text) return undefined;
  const [perSecond, burst] = text.split('/').map(Number);
  return { perSecond, burst };
}

/** Empty strings count as unset, as a shell's `VAR= cmd` means. */
function definedOnly(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => !!e[1]));
}

/**
 * Parses the environment into a {@link Config}.
 * @throws Error naming every invalid variable, so a bad start fails at once and clearly.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): Config {
  const parsed = v.safeParse(EnvSchema, definedOnly(env));
  if (!parsed.success) {
    const lines = parsed.issues.map((i) => `${v.getDotPath(i) ?? '?'}: ${i.message}`);
    throw new Error(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.output;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(root, e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    redisKey: e.REDIS_KEY,
    adminEmail: e.PORTHOLE_ADMIN_EMAIL.toLowerCase(),
    adminPassword: e.PORTHOLE_ADMIN_PASSWORD,
    publicUrl: e.PORTHOLE_PUBLIC_URL?.replace(/\/+$/, ''),
    trustProxy: e.TRUST_PROXY === 'true' || e.TRUST_PROXY === '1',
    logLevel: e.LOG_LEVEL,
    messageRate: parseRate(e.PORTHOLE_MESSAGE_RATE),
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    attachmentsDir: path.resolve(root, e.ATTACHMENTS_DIR ?? path.join(e.DATA_DIR, 'attachments')),
    distDir: path.resolve(root, 'dist'),
    siteDir: path.resolve(root, 'demo/site'),
    desk: deskConfig(e),
  };
}
