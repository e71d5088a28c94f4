/**
 * A mail as intake hands it to the desk, already parsed (by `server/mail/parse-mail.ts`), and the
 * rules for what it belongs to and which attachments are kept. Pure.
 */

/** One attachment of an incoming mail. */
export interface InboundAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

/** A parsed incoming mail. Every field may be empty: intake keeps what it could read. */
export interface InboundMail {
  /** With angle brackets; empty when the mail had none. */
  messageId: string;
  inReplyTo: string;
  references: string[];
  from: { name: string; address: string };
  /** The first recipient (the desk's address, usually). */
  to: string;
  subject: string;
  text: string;
  attachments: InboundAttachment[];
  /** Attachments dropped by the parser (too large), by name and size. */
  dropped: { filename: string; size: number }[];
  /** Where it came from: `smtp`, `imap:<mailbox>`. */
  source: string;
}

/** an attachment above this many bytes is not kept (its name and size are noted). */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
/** at most this many bytes of attachments are kept per mail. */
export const MAX_ATTACHMENTS_BYTES = 15 * 1024 * 1024;

/** which attachments are kept and which dropped, in order, within both bounds. */
export function keptAttachments(list: readonly InboundAttachment[]): {
  kept: InboundAttachment[];
  dropped: { filename: string; size: number }[];
} {
  const kept: InboundAttachment[] = [];
  const dropped: { filename: string; size: number }[] = [];
  let total = 0;
  for (const a of list) {
    const size = a.content.byteLength;
    if (size > MAX_ATTACHMENT_BYTES || total + size > MAX_ATTACHMENTS_BYTES) dropped.push({ filename: a.filename, size });
    else {
      kept.push(a);
      total += size;
    }
  }
  return { kept, dropped };
}

/** the Message-IDs a mail answers, most specific first. */
export function threadIds(m: Pick<InboundMail, 'inReplyTo' | 'references'>): string[] {
  return [...new Set([m.inReplyTo, ...[...m.references].reverse()].filter(Boolean))];
}
