/**
 * The desk's {@link MailSender} over SMTP (nodemailer), from `SMTP_*` in the configuration.
 */
import nodemailer from 'nodemailer';
import type { MailSender } from '../core/desk/desk-ports.js';

/** SMTP settings. */
export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the start (port 465); else STARTTLS when the server offers it. */
  secure: boolean;
  user?: string;
  pass?: string;
}

/** A sender that hands each mail to the SMTP server; `close` ends pooled connections. */
export function smtpSender(s: SmtpSettings): MailSender & { close(): void } {
  const transport = nodemailer.createTransport({
    host: s.host,
    port: s.port,
    secure: s.secure,
    ...(s.user ? { auth: { user: s.user, pass: s.pass ?? '' } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(m) {
      await transport.sendMail({
        from: m.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        messageId: m.messageId,
        ...(m.inReplyTo ? { inReplyTo: m.inReplyTo } : {}),
        ...(m.references?.length ? { references: m.references } : {}),
      });
    },
    close: () => transport.close(),
  };
}
