/**
 * `/api/desk/attachments/:attachmentId`: the bytes of a mail attachment, for a signed-in
 * technician who may see its ticket (K-9). Always sent as a download, never rendered by the
 * browser, since the content is whatever a stranger mailed.
 */
import type { FastifyInstance } from 'fastify';
import { AttachmentRefSchema, fail, LIMITS } from '../../../src/protocol/index.js';
import type { ServiceDesk } from '../../core/services/desk/service-desk.js';
import type { TechnicianAuth } from '../../core/services/technician-auth.js';
import { validate } from '../validate.js';
import { AUTH_COOKIE } from './auth-cookie.js';
import { sendResult } from './send-result.js';

/** A file name safe for a Content-Disposition header. */
const safeName = (name: string) => name.replace(/[^\w.\- ]+/g, '_').slice(0, 120) || 'attachment';

/** Registers the desk's HTTP routes. */
export function deskRoutes(app: FastifyInstance, auth: TechnicianAuth, desk: ServiceDesk): void {
  app.get('/api/desk/attachments/:attachmentId', async (request, reply) => {
    const tech = await auth.authenticate(request.cookies[AUTH_COOKIE]);
    if (!tech) return sendResult(reply, fail('unauthorized', 'Sign in first.'));
    const params = validate(AttachmentRefSchema, request.params, LIMITS.httpBodyBytes);
    if (!params.ok) return sendResult(reply, params);
    const found = await desk.work.attachment(tech, params.value.attachmentId);
    if (!found.ok) return sendResult(reply, found);
    return reply
      .code(200)
      .header('content-type', 'application/octet-stream')
      .header('content-disposition', `attachment; filename="${safeName(found.value.filename)}"`)
      .header('x-content-type-options', 'nosniff')
      .send(Buffer.from(found.value.content));
  });
}
