/**
 * Attachment upload and download over HTTP (SPEC.md F-*), in their own Fastify scope: the body is
 * not parsed but streamed to the attachment folder, and every response carries a sandbox policy.
 *
 * - `POST /api/sessions/:sessionId/attachments?name=<file name>`: the raw file as the body.
 * - `GET /api/attachments/:id`: the file, with its stored type.
 *
 * Who asks: the widget's visitor by `Authorization: Bearer <visitor token>` (the token is never put
 * in a URL), or a technician by the console's cookie. The widget runs on other sites, so these
 * routes answer CORS preflights; the credential, not the origin, is what protects them, and A-4's
 * origin rule still applies to the visitor's channel.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fail, LIMITS, AttachmentUploadQuerySchema, type Failure } from '../../../src/protocol/index.js';
import { downloadHeaders } from '../../core/attachment-rules.js';
import { originAllowed } from '../../core/channel-rules.js';
import type { Env, Store } from '../../core/ports.js';
import type { AttachmentActor, Attachments } from '../../core/services/attachments.js';
import type { TechnicianAuth } from '../../core/services/technician-auth.js';
import type { AttachmentFiles } from '../../storage/attachment-files.js';
import { detectContent } from '../../storage/file-content.js';
import { validate } from '../validate.js';
import { AUTH_COOKIE } from './auth-cookie.js';
import { sendResult } from './send-result.js';

/** What the attachment routes need. */
export interface AttachmentRouteDeps {
  store: Store;
  env: Env;
  auth: TechnicianAuth;
  attachments: Attachments;
  files: AttachmentFiles;
}

/** The policy of every response here: nothing a file could contain may run or load. */
const SANDBOX_POLICY = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";

/** After a refusal the rest of the body is read and dropped, up to this much, so the client sees the answer. */
const DRAIN_LIMIT = 128 * 1024 * 1024;

/** Reads and drops what is left of a request body, then lets the connection go on (or ends it past the limit). */
function drain(request: FastifyRequest): void {
  const raw = request.raw;
  if (raw.readableEnded) return;
  let dropped = 0;
  raw.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > DRAIN_LIMIT) raw.destroy();
  });
  raw.resume();
}

/** Registers the attachment routes in a scope of their own. */
export async function attachmentRoutes(app: FastifyInstance, deps: AttachmentRouteDeps): Promise<void> {
  const { store, env, auth, attachments, files } = deps;

  /** The visitor of a bearer token or the technician of the cookie; a failure otherwise. */
  const actorOf = async (request: FastifyRequest): Promise<AttachmentActor | Failure> => {
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const visitor = await store.findVisitorByTokenHash(env.hashToken(header.slice(7).trim()));
      if (!visitor) return fail('unauthorized', 'Unknown visitor token.');
      const channel = await store.findChannelById(visitor.channelId);
      if (!channel || !originAllowed(channel, request.headers.origin, request.headers.host)) {
        return fail('forbidden', 'This website is not allowed to use this channel.');
      }
      return { kind: 'visitor', visitor };
    }
    const technician = await auth.authenticate(request.cookies[AUTH_COOKIE]);
    return technician ? { kind: 'technician', technician } : fail('unauthorized', 'Sign in first, or send the visitor token.');
  };

  const refuse = (request: FastifyRequest, reply: FastifyReply, f: Failure) => {
    // A refused body is read to its end so the client gets the answer, on a connection not reused.
    if (!request.raw.readableEnded) reply.header('Connection', 'close');
    drain(request);
    return sendResult(reply, f);
  };

  await app.register((scope, _options, registered) => {
    // The body stays a stream for the upload handler; nothing here buffers it.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));

    scope.addHook('onRequest', async (request, reply) => {
      const origin = request.headers.origin;
      if (origin) {
        reply.header('Access-Control-Allow-Origin', origin);
        reply.header('Vary', 'Origin');
      }
    });
    scope.addHook('onSend', async (_request, reply) => {
      reply.header('Content-Security-Policy', SANDBOX_POLICY);
      reply.header('X-Content-Type-Options', 'nosniff');
    });

    const preflight = async (_request: FastifyRequest, reply: FastifyReply) => {
      reply.header('Access-Control-Allow-Methods', 'GET, POST');
      reply.header('Access-Control-Allow-Headers', 'Authorization, Content-Type');
      reply.header('Access-Control-Max-Age', '600');
      return reply.code(204).send();
    };
    scope.options('/api/sessions/:sessionId/attachments', preflight);
    scope.options('/api/attachments/:id', preflight);

    scope.post('/api/sessions/:sessionId/attachments', async (request, reply) => {
      const actor = await actorOf(request);
      if ('ok' in actor) return refuse(request, reply, actor);
      const query = validate(AttachmentUploadQuerySchema, request.query, LIMITS.httpBodyBytes);
      if (!query.ok) return refuse(request, reply, query);
      const ticket = await attachments.beginUpload(actor, (request.params as { sessionId: string }).sessionId);
      if (!ticket.ok) return refuse(request, reply, ticket);
      const tooLarge = fail('payload_too_large', `The file is larger than this channel's limit of ${ticket.value.maxBytes} bytes.`, {
        maxBytes: ticket.value.maxBytes,
      });
      // F-2: a declared length over the limit is refused before a byte is stored.
      if (Number(request.headers['content-length'] ?? 0) > ticket.value.maxBytes) return refuse(request, reply, tooLarge);

      const received = await files.receive(request.raw, ticket.value.maxBytes);
      if (!received.ok) return refuse(request, reply, received.error === 'payload_too_large' ? tooLarge : received);
      try {
        const content = await detectContent(received.value);
        const r = await attachments.finishUpload(
          actor,
          ticket.value,
          { name: query.value.name, size: received.value.size, content },
          (id) => files.keep(received.value, id),
        );
        if (!r.ok) await files.discard(received.value);
        return sendResult(reply, r);
      } catch (e) {
        await files.discard(received.value);
        throw e;
      }
    });

    scope.get('/api/attachments/:id', async (request, reply) => {
      const actor = await actorOf(request);
      if ('ok' in actor) return sendResult(reply, actor);
      const found = await attachments.download(actor, (request.params as { id: string }).id);
      if (!found.ok) return sendResult(reply, found);
      const stream = await files.open(found.value.id);
      if (!stream) return sendResult(reply, fail('not_found', 'The file is gone.'));
      return reply.code(200).headers(downloadHeaders(found.value)).send(stream);
    });
    registered();
  });
}
