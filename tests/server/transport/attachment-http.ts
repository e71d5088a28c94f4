/**
 * Attachment requests over real HTTP for transport tests: upload a file as a visitor (bearer
 * token) or a technician (cookie), download it, and read the answer.
 */
import { attachmentPath, attachmentUploadPath, type AttachmentView, type Result } from '../../../src/protocol/index.js';
import type { TestServer } from '../../support/test-server.js';

/** Credentials: the visitor's token or the technician's cookie. */
export type Credential = { token: string } | { cookie: string } | null;

function headersOf(who: Credential): Record<string, string> {
  if (!who) return {};
  return 'token' in who ? { authorization: `Bearer ${who.token}` } : { cookie: who.cookie };
}

/** `POST`s `body` as the file `name` to the session; a stream body is sent chunked (no length). */
export async function upload(
  server: TestServer,
  who: Credential,
  sessionId: string,
  name: string,
  body: Buffer | ReadableStream<Uint8Array>,
): Promise<{ status: number; result: Result<AttachmentView> }> {
  const res = await fetch(`${server.url}${attachmentUploadPath(sessionId)}?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', ...headersOf(who) },
    body,
    ...(body instanceof Buffer ? {} : { duplex: 'half' }),
  } as RequestInit);
  return { status: res.status, result: (await res.json()) as Result<AttachmentView> };
}

/** `GET`s an attachment; the body as bytes when it succeeded. */
export async function download(server: TestServer, who: Credential, id: string) {
  const res = await fetch(`${server.url}${attachmentPath(id)}`, { headers: headersOf(who) });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, json: () => JSON.parse(bytes.toString('utf8')) as Result<unknown> };
}

/** A stream of `total` bytes in 64 kB chunks, for uploads without a declared length. */
export function chunkedStream(total: number, fill = 0x61): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= total) return controller.close();
      const n = Math.min(65536, total - sent);
      sent += n;
      controller.enqueue(new Uint8Array(n).fill(fill));
    },
  });
}
