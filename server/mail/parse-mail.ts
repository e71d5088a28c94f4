/**
 * Raw mail to the desk's {@link InboundMail} with mailparser. Lenient by design: a broken
 * part, an unknown charset or a missing header leaves that field empty instead of failing.
 */
import { simpleParser, type AddressObject } from 'mailparser';
import type { InboundMail } from '../core/desk/inbound-mail.js';

/** What parsing gave: a mail, or why nothing usable was found. */
export type ParseOutcome = { ok: true; mail: InboundMail } | { ok: false; reason: string };

// PostgreSQL text refuses NUL, and control characters have no business in a ticket.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
/** Text without control characters (tabs and line breaks stay). */
export const clean = (s: string | undefined | null): string => (s ?? '').replace(CONTROL, '');

const firstAddress = (a: AddressObject | AddressObject[] | undefined) => (Array.isArray(a) ? a[0] : a)?.value[0];

/** Crude HTML to text for mails that have no text part: tags dropped, entities left as they are. */
const htmlToText = (html: string) =>
  html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/p>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .trim();

/** Parses `raw`; `truncated` says intake cut it at its size bound (noted in the text). */
export async function parseMail(raw: Buffer, source: string, truncated = false): Promise<ParseOutcome> {
  let parsed;
  try {
    parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
  } catch (e) {
    return { ok: false, reason: `The mail could not be parsed: ${e instanceof Error ? e.message : 'unknown error'}` };
  }
  const from = firstAddress(parsed.from);
  const text = clean(parsed.text ?? (parsed.html ? htmlToText(parsed.html) : '')).trim();
  const subject = clean(parsed.subject).trim();
  const address = clean(from?.address).trim().toLowerCase();
  if (!address && !text && !subject) return { ok: false, reason: 'No sender, subject or readable text.' };
  const refs = parsed.references;
  return {
    ok: true,
    mail: {
      messageId: clean(parsed.messageId).trim(),
      inReplyTo: clean(parsed.inReplyTo).trim(),
      references: (Array.isArray(refs) ? refs : refs ? refs.split(/\s+/) : []).map((r) => clean(r).trim()).filter(Boolean),
      from: { name: clean(from?.name).trim(), address },
      to: clean(firstAddress(parsed.to)?.address).trim().toLowerCase(),
      subject,
      text: truncated ? `${text}\n\n[The mail was larger than the desk accepts; the rest was not kept.]` : text,
      attachments: parsed.attachments
        .filter((a) => a.contentDisposition !== 'inline' || !!a.filename)
        .map((a) => ({
          filename: clean(a.filename) || 'attachment',
          contentType: clean(a.contentType) || 'application/octet-stream',
          content: new Uint8Array(a.content),
        })),
      dropped: [],
      source,
    },
  };
}
