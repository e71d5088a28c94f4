import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { imapIntake, mailboxKey, type ImapIntake, type ImapSettings } from '../../../server/mail/imap-intake.js';
import { mailIngest, type MailIngest } from '../../../server/mail/mail-ingest.js';
import { nodeEnv } from '../../../server/security/node-env.js';
import fs from 'node:fs';
import { DOVECOT, startDovecot, type TestDovecot } from '../../support/dovecot.js';
import { eventually } from '../../support/mail-sink.js';
import { buildTestServer, storageKindFromEnv, type TestServer } from '../../support/test-server.js';

const silent = { error: () => undefined };
const mail = (n: number, tag: string) =>
  `From: "Customer ${n}" <c${n}@example.org>\r\nTo: help@desk.test\r\nSubject: ${tag} ${n}\r\nMessage-ID: <${tag}-${n}@example.org>\r\nContent-Type: text/plain\r\n\r\nMail number ${n}.\r\n`;

// `.ci/run` installs Dovecot; a machine without it reports this suite as not configured.
const dovecotMissing = fs.existsSync(DOVECOT)
  ? false
  : `${DOVECOT} not installed: IMAP suite not configured (apt-get install -y dovecot-imapd)`;

describe('X-7: IMAP intake against a real Dovecot', { skip: dovecotMissing }, () => {
  let dovecot: TestDovecot;
  let server: TestServer;
  let settings: ImapSettings;
  let ingest: MailIngest;
  const running: ImapIntake[] = [];

  const make = (wrap: (inner: MailIngest) => MailIngest = (i) => i) => {
    const intake = imapIntake({ settings, store: server.store, ingest: wrap(ingest), log: silent, reconnectMs: 50 });
    running.push(intake);
    return intake;
  };
  const start = async () => {
    const intake = make();
    await intake.start();
    return intake;
  };
  const tagged = async (tag: string) => (await server.store.recentTickets(500)).filter((t) => t.name.startsWith(`${tag} `));

  before(async () => {
    dovecot = await startDovecot();
    server = await buildTestServer({ storage: storageKindFromEnv() });
    settings = { host: dovecot.host, port: dovecot.port, secure: false, user: dovecot.user, pass: dovecot.pass, mailbox: 'INBOX' };
    ingest = mailIngest(server.app.desk, nodeEnv, silent);
  });
  after(async () => {
    for (const i of running) await i.stop();
    await server?.close();
    await dovecot?.cleanup();
  });

  test('X-7: mail already in the mailbox is backfilled; new mail arrives through IDLE; the position is stored', async () => {
    await dovecot.append(mail(1, 'backfill'));
    await dovecot.append(mail(2, 'backfill'));
    const intake = await start();
    assert.equal((await tagged('backfill')).length, 2, 'start reads what is already there');
    await dovecot.append(mail(3, 'backfill'));
    await eventually(async () => (await tagged('backfill')).length === 3, 'the mail announced by IDLE');
    // The position is stored right after the mail is taken in.
    const state = await eventually(async () => {
      const st = await server.store.getMailboxState(mailboxKey(settings));
      return st?.lastUid === 3 && st;
    }, 'the stored position');
    assert.ok(state.uidValidity > 0);
    await intake.stop();
  });

  test('X-7: a restart in the middle of a batch misses none and doubles none', async () => {
    for (let n = 1; n <= 8; n++) await dovecot.append(mail(n, 'batch'));
    let seen = 0;
    // Stop the first intake after its third mail of the batch: the restart happens mid-batch.
    const first: ImapIntake = make((inner) => async (raw, source, truncated) => {
      const out = await inner(raw, source, truncated);
      if (raw.toString().includes('Subject: batch') && ++seen === 3) void first.stop();
      return out;
    });
    await first.start();
    await eventually(async () => (await tagged('batch')).length >= 3, 'the first part of the batch');
    await first.stop();
    const part = (await tagged('batch')).length;
    assert.ok(part < 8, `the first intake stopped mid-batch (${part} of 8)`);

    // A crash just after a mail was taken in but before its position was saved: rewind by two.
    const key = mailboxKey(settings);
    const state = await server.store.getMailboxState(key);
    assert.ok(state);
    await server.store.setMailboxState(key, { ...state, lastUid: state.lastUid - 2 });

    const second = await start();
    await eventually(async () => (await tagged('batch')).length === 8, 'the rest of the batch');
    const names = (await tagged('batch')).map((t) => t.name).sort();
    assert.deepEqual(names, Array.from({ length: 8 }, (_x, i) => `batch ${i + 1}`).sort(), 'each mail exactly once');
    await second.stop();
  });

  test('X-7: after an outage of the IMAP server the intake reconnects and backfills', async () => {
    const intake = await start();
    await dovecot.stop();
    await dovecot.start();
    await dovecot.append(mail(1, 'outage'));
    await dovecot.append(mail(2, 'outage'));
    await eventually(async () => (await tagged('outage')).length === 2, 'the mail that came during the outage', 20_000);
    await intake.stop();
  });
});
