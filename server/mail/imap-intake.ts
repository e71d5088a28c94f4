/**
 * IMAP intake with imapflow: reads the mailbox from the last UID it finished, one mail at a
 * time, and stores the new position after each; waits in IDLE for new mail; reconnects after an
 * outage and backfills from the stored position. A mail finished but not yet marked (a crash in
 * between) is read again after a restart and then answered by the desk as a duplicate (its
 * Message-ID is stored once), so nothing is missed and nothing doubled.
 */
import { ImapFlow } from 'imapflow';
import type { MailStore } from '../core/desk/desk-ports.js';
import { MAX_RAW_BYTES, type MailIngest } from './mail-ingest.js';

/** IMAP account settings. */
export interface ImapSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  pass: string;
  mailbox: string;
}

/** Options of {@link imapIntake}. */
export interface ImapIntakeOptions {
  settings: ImapSettings;
  store: Pick<MailStore, 'getMailboxState' | 'setMailboxState'>;
  ingest: MailIngest;
  log: { error(o: object, msg: string): void; info?(o: object, msg: string): void };
  /** Wait before reconnecting after a lost connection. */
  reconnectMs?: number;
}

/** A running intake. */
export interface ImapIntake {
  /** Connects, backfills, and keeps listening. Rejects if the first connection fails. */
  start(): Promise<void>;
  /** Reads what is new now (also run on every new-mail notice). */
  sync(): Promise<void>;
  /** Stops after the mail in hand; the position stays stored. */
  stop(): Promise<void>;
}

/** The key under which a mailbox's position is stored. */
export const mailboxKey = (s: ImapSettings) => `imap:${s.user}@${s.host}:${s.port}/${s.mailbox}`;

/** Builds the intake; nothing happens before `start`. */
export function imapIntake(o: ImapIntakeOptions): ImapIntake {
  const key = mailboxKey(o.settings);
  let client: ImapFlow | null = null;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;

  const syncOnce = async (c: ImapFlow) => {
    const box = c.mailbox;
    if (!box) return;
    const validity = Number(box.uidValidity);
    const state = await o.store.getMailboxState(key);
    // A new UIDVALIDITY renumbers the mailbox: read it all again; stored Message-IDs stop doubles.
    let last = state && state.uidValidity === validity ? state.lastUid : 0;
    const found = (await c.search({ uid: `${last + 1}:*` }, { uid: true })) || [];
    // "n:*" also answers the newest mail when n is past the end, so keep only what is really new.
    for (const uid of found.filter((u) => u > last).sort((a, b) => a - b)) {
      if (stopped) return;
      const head = await c.fetchOne(String(uid), { size: true }, { uid: true });
      const size = head ? (head.size ?? 0) : 0;
      const truncated = size > MAX_RAW_BYTES;
      const msg = await c.fetchOne(String(uid), { source: truncated ? { start: 0, maxLength: MAX_RAW_BYTES } : true }, { uid: true });
      if (msg && msg.source) await o.ingest(msg.source, `imap:${o.settings.mailbox}`, truncated);
      last = uid;
      await o.store.setMailboxState(key, { uidValidity: validity, lastUid: uid });
    }
  };

  const sync = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        if (client && !stopped) await syncOnce(client);
      } while (again && !stopped);
    })().finally(() => (running = null));
    return running;
  };

  const connect = async () => {
    const c = new ImapFlow({
      host: o.settings.host,
      port: o.settings.port,
      secure: o.settings.secure,
      auth: { user: o.settings.user, pass: o.settings.pass },
      logger: false,
      // IDLE as soon as the connection is quiet (imapflow waits 15 s by default): new mail is pushed.
      autoIdleDelay: 200,
    });
    c.on('error', (e: unknown) => o.log.error({ err: e }, 'imap connection error'));
    c.on('exists', () => {
      sync().catch((e: unknown) => o.log.error({ err: e }, 'imap sync failed'));
    });
    c.on('close', () => {
      if (client === c) client = null;
      if (!stopped) scheduleReconnect();
    });
    await c.connect();
    await c.mailboxOpen(o.settings.mailbox);
    client = c;
    await sync();
  };

  const scheduleReconnect = () => {
    if (timer || stopped) return;
    timer = setTimeout(() => {
      timer = null;
      connect().catch((e: unknown) => {
        o.log.error({ err: e }, 'imap reconnect failed');
        scheduleReconnect();
      });
    }, o.reconnectMs ?? 5000);
    timer.unref();
  };

  return {
    start: () =>
      connect().catch((e: unknown) => {
        scheduleReconnect();
        throw e;
      }),
    sync,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => undefined);
      const c = client;
      client = null;
      await c?.logout().catch(() => c.close());
    },
  };
}
