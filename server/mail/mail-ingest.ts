/**
 * One raw mail into the desk, whatever it contains: parsed into a ticket or a reply, or, when
 * nothing usable is in it or anything fails, recorded in the "could not read" list. Never throws,
 * so the SMTP listener and the IMAP loop always move on.
 */
import type { Env } from '../core/ports.js';
import type { ServiceDesk } from '../core/services/desk/service-desk.js';
import type { MailOutcome } from '../core/services/desk/ticket-intake.js';
import { clean, parseMail } from './parse-mail.js';

/** The most bytes of one mail the desk reads; the rest is dropped and the mail marked cut. */
export const MAX_RAW_BYTES = 25 * 1024 * 1024;

/** What became of one raw mail. */
export type IngestOutcome = MailOutcome | { kind: 'unreadable'; reason: string };

/** Builds the ingest function over the desk. */
export function mailIngest(desk: ServiceDesk, env: Env, log: { error(o: object, msg: string): void }) {
  const unreadable = async (raw: Buffer, source: string, reason: string): Promise<IngestOutcome> => {
    try {
      await desk.intake.recordUnreadable({
        id: env.id(),
        source,
        reason,
        excerpt: clean(raw.subarray(0, 2000).toString('latin1')),
        size: raw.byteLength,
        at: env.now(),
      });
    } catch (e) {
      log.error({ err: e }, 'could not record an unreadable mail');
    }
    return { kind: 'unreadable', reason };
  };

  return async (raw: Buffer, source: string, truncated = false): Promise<IngestOutcome> => {
    const parsed = await parseMail(raw, source, truncated);
    if (!parsed.ok) return unreadable(raw, source, parsed.reason);
    try {
      return await desk.intake.receiveMail(parsed.mail);
    } catch (e) {
      log.error({ err: e }, 'mail intake failed');
      return unreadable(
        raw,
        source,
        `The desk could not store the mail: ${e instanceof Error ? e.message.slice(0, 300) : 'unknown error'}`,
      );
    }
  };
}

/** Feeds raw mail into the desk. */
export type MailIngest = ReturnType<typeof mailIngest>;
