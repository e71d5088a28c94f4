/**
 * The desk's built-in SMTP listener (smtp-server): accepts mail for the desk's domain and feeds
 * each message to intake (X-4..X-6). Plain SMTP without authentication: put it behind your MX or
 * a relay that does TLS and spam filtering.
 */
import { SMTPServer } from 'smtp-server';
import { MAX_RAW_BYTES, type MailIngest } from './mail-ingest.js';

/** Options of {@link startSmtpListener}. */
export interface SmtpListenerOptions {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** Only recipients at this address's domain are accepted. */
  deskAddress: string;
  ingest: MailIngest;
  log: { error(o: object, msg: string): void };
}

/** A running listener. */
export interface SmtpListener {
  port: number;
  close(): Promise<void>;
}

/** Starts the listener; resolves once it accepts connections. */
export async function startSmtpListener(o: SmtpListenerOptions): Promise<SmtpListener> {
  const domain = o.deskAddress.split('@')[1]?.toLowerCase() ?? '';
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    banner: 'Porthole service desk',
    logger: false,
    onRcptTo(address, _session, callback) {
      const to = address.address.toLowerCase();
      if (domain && to.split('@')[1] !== domain)
        return callback(Object.assign(new Error(`No mailbox here for ${to}`), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      stream.on('data', (chunk: Buffer) => {
        // Past the bound the rest is read and dropped: a huge mail still makes a ticket.
        if (size + chunk.byteLength > MAX_RAW_BYTES) {
          if (size < MAX_RAW_BYTES) chunks.push(chunk.subarray(0, MAX_RAW_BYTES - size));
          truncated = true;
        } else chunks.push(chunk);
        size += chunk.byteLength;
      });
      stream.on('error', (e) => o.log.error({ err: e }, 'smtp stream failed'));
      stream.on('end', () => {
        o.ingest(Buffer.concat(chunks), 'smtp', truncated).then(
          () => callback(),
          (e: unknown) => {
            o.log.error({ err: e, session: session.id }, 'smtp intake failed');
            callback(Object.assign(new Error('Temporary failure, try again later'), { responseCode: 451 }));
          },
        );
      });
    },
  });
  server.on('error', (e) => o.log.error({ err: e }, 'smtp listener error'));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : o.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
