/**
 * The server shell: configuration, storage, optional Redis adapter, first-start admin, listen.
 */
import path from 'node:path';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { senderFor, startDeskMail } from './mail/desk-mail.js';
import { argon2Hasher } from './security/argon2-hasher.js';
import { nodeEnv } from './security/node-env.js';
import { openStore } from './storage/open-store.js';

const config = loadConfig();
const store = await openStore(
  config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl }
    : { kind: 'sqlite', file: path.join(config.dataDir, 'porthole.sqlite'), synchronous: config.sqliteSynchronous },
);

let adapter;
const redisClients: { quit(): Promise<unknown> }[] = [];
if (config.redisUrl) {
  const pub = createClient({ url: config.redisUrl });
  const sub = pub.duplicate();
  await Promise.all([pub.connect(), sub.connect()]);
  redisClients.push(pub, sub);
  adapter = createAdapter(pub, sub, { key: config.redisKey });
}

const deskSender = senderFor(config.desk);
const app = await buildApp({
  messageRate: config.messageRate,
  store,
  env: nodeEnv,
  hasher: argon2Hasher,
  dirs: { distDir: config.distDir, siteDir: config.siteDir },
  logLevel: config.logLevel,
  adapter,
  trustProxy: config.trustProxy,
  publicUrl: config.publicUrl,
  attachmentsDir: config.attachmentsDir,
  deskMail: { sender: deskSender, address: config.desk.address },
});

const created = await app.auth.bootstrap({ email: config.adminEmail, password: config.adminPassword });
await app.http.listen({ port: config.port, host: config.host });
const deskMail = await startDeskMail(config.desk, { desk: app.desk, store, env: nodeEnv, log: app.http.log });
const address = app.http.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
const base = config.publicUrl ?? `http://localhost:${port}`;

// Printed to stdout on purpose: the one time the generated password is shown.
console.log(`
Porthole is running (${config.databaseUrl ? 'PostgreSQL' : `SQLite at ${path.join(config.dataDir, 'porthole.sqlite')}`}${config.redisUrl ? ', Redis adapter' : ''}).
  Demo website:        ${base}/
  Technician console:  ${base}/console/
  Service desk mail:   ${config.desk.smtp ? `out via ${config.desk.smtp.host}` : 'out to the outbox (no SMTP_HOST)'}${deskMail.listener ? `, in on SMTP port ${deskMail.listener.port}` : ''}${config.desk.imap ? `, in from IMAP ${config.desk.imap.host}` : ''}`);
if (created) {
  console.log(`  First start: admin account created.
    email:     ${created.email}
    password:  ${created.password ?? '(the PORTHOLE_ADMIN_PASSWORD you set)'}${created.password ? '\n    This password is shown once; keep it.' : ''}`);
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  app.http.log.info({ signal }, 'shutting down');
  await deskMail.close();
  deskSender?.close();
  await app.http.close();
  await store.close();
  await Promise.all(redisClients.map((c) => c.quit()));
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
