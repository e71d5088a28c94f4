/**
 * Mail helpers for tests: an SMTP sink (a real smtp-server on a free loopback port that keeps what
 * it receives, parsed), a nodemailer sender to any SMTP port, and {@link eventually} to wait for a
 * condition with a deadline instead of sleeping.
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { SMTPServer } from 'smtp-server';

/** A running sink and what it received, oldest first. */
export interface MailSink {
  port: number;
  received: ParsedMail[];
  /** Resolves with the first received mail that satisfies `where` (already there or yet to come). */
  next(where: (m: ParsedMail) => boolean): Promise<ParsedMail>;
  close(): Promise<void>;
}

/** Starts an SMTP sink on 127.0.0.1. */
export async function startMailSink(): Promise<MailSink> {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth: (_auth, _session, cb) => cb(null, { user: 'test' }),
    onData(stream, _session, cb) {
      simpleParser(stream).then(
        (m) => {
          received.push(m);
          cb();
        },
        (e: Error) => cb(e),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    received,
    next: (where) => eventually(() => received.find(where), 'a matching mail in the sink'),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Sends one mail (or raw RFC 822 bytes) to the SMTP server on `port`. */
export async function sendMail(port: number, mail: SendMailOptions): Promise<void> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  try {
    await transport.sendMail(mail);
  } finally {
    transport.close();
  }
}

/**
 * Polls `check` until it returns a value other than undefined/false, or fails after `ms`.
 * @throws Error naming `what` when the deadline passes.
 */
export async function eventually<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  ms = 10_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
