/**
 * Starts the desk's mail from the configuration: the SMTP sender (or none: the outbox, X-1), the
 * built-in SMTP listener and the IMAP intake (each only when configured).
 */
import type { DeskConfig } from '../desk-config.js';
import type { Env } from '../core/ports.js';
import type { ServiceDesk } from '../core/services/desk/service-desk.js';
import type { Store } from '../core/ports.js';
import { imapIntake, type ImapIntake } from './imap-intake.js';
import { mailIngest } from './mail-ingest.js';
import { startSmtpListener, type SmtpListener } from './smtp-listener.js';
import { smtpSender } from './smtp-sender.js';

/** The sender for `buildApp` (null without SMTP settings). */
export const senderFor = (c: DeskConfig) => (c.smtp ? smtpSender(c.smtp) : null);

/** Running intake, and how to stop it. */
export interface DeskMailIntake {
  listener: SmtpListener | null;
  imap: ImapIntake | null;
  close(): Promise<void>;
}

/** Starts the configured intake paths. */
export async function startDeskMail(
  c: DeskConfig,
  deps: { desk: ServiceDesk; store: Store; env: Env; log: { error(o: object, msg: string): void } },
): Promise<DeskMailIntake> {
  const ingest = mailIngest(deps.desk, deps.env, deps.log);
  const listener = c.listener ? await startSmtpListener({ ...c.listener, deskAddress: c.address, ingest, log: deps.log }) : null;
  const imap = c.imap ? imapIntake({ settings: c.imap, store: deps.store, ingest, log: deps.log }) : null;
  // A mailbox that is down at start must not stop the server: the intake retries on its own.
  await imap?.start().catch((e: unknown) => deps.log.error({ err: e }, 'imap intake could not start; retrying'));
  return {
    listener,
    imap,
    async close() {
      await imap?.stop();
      await listener?.close();
    },
  };
}
