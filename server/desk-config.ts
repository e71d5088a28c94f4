/**
 * The service desk's part of the configuration: outgoing SMTP (unset: mail stays in the outbox),
 * the built-in SMTP listener (off unless `MAIL_IN_PORT` is set) and an IMAP mailbox (off unless
 * `IMAP_HOST` is set). Merged into `config.ts`'s schema.
 */
import * as v from 'valibot';

const Port = v.pipe(v.string(), v.transform(Number), v.integer(), v.minValue(0), v.maxValue(65535));
const Bool = v.pipe(
  v.picklist(['true', 'false', '1', '0']),
  v.transform((s) => s === 'true' || s === '1'),
);

/** The desk's environment variables. */
export const DeskEnvSchema = v.object({
  SMTP_HOST: v.optional(v.pipe(v.string(), v.minLength(1))),
  SMTP_PORT: v.optional(Port, '587'),
  SMTP_SECURE: v.optional(Bool, 'false'),
  SMTP_USER: v.optional(v.string()),
  SMTP_PASS: v.optional(v.string()),
  /** The desk's own address: the sender of its mail and where customers write. */
  SMTP_FROM: v.optional(v.pipe(v.string(), v.email()), 'desk@porthole.local'),
  MAIL_IN_PORT: v.optional(Port),
  MAIL_IN_HOST: v.optional(v.string(), '0.0.0.0'),
  IMAP_HOST: v.optional(v.pipe(v.string(), v.minLength(1))),
  IMAP_PORT: v.optional(Port, '993'),
  IMAP_SECURE: v.optional(Bool, 'true'),
  IMAP_USER: v.optional(v.string(), ''),
  IMAP_PASS: v.optional(v.string(), ''),
  IMAP_MAILBOX: v.optional(v.string(), 'INBOX'),
});

/** Validated desk settings. */
export interface DeskConfig {
  address: string;
  smtp: { host: string; port: number; secure: boolean; user?: string; pass?: string } | null;
  listener: { host: string; port: number } | null;
  imap: { host: string; port: number; secure: boolean; user: string; pass: string; mailbox: string } | null;
}

/** The desk settings from the parsed environment. */
export function deskConfig(e: v.InferOutput<typeof DeskEnvSchema>): DeskConfig {
  return {
    address: e.SMTP_FROM.toLowerCase(),
    smtp: e.SMTP_HOST ? { host: e.SMTP_HOST, port: e.SMTP_PORT, secure: e.SMTP_SECURE, user: e.SMTP_USER, pass: e.SMTP_PASS } : null,
    listener: e.MAIL_IN_PORT === undefined ? null : { host: e.MAIL_IN_HOST, port: e.MAIL_IN_PORT },
    imap: e.IMAP_HOST
      ? { host: e.IMAP_HOST, port: e.IMAP_PORT, secure: e.IMAP_SECURE, user: e.IMAP_USER, pass: e.IMAP_PASS, mailbox: e.IMAP_MAILBOX }
      : null,
  };
}
