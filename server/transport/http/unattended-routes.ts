/**
 * `/api/channels/:id/unattended` and `/api/channels/:id/unattended-key`: whether a channel allows
 * unattended access, what members may use on its devices, and its channel key (admins only; the
 * key is answered once, when made). Bodies are validated first.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as v from 'valibot';
import { fail, LIMITS, UnattendedSettingsSchema, type Result } from '../../../src/protocol/index.js';
import type { Technician } from '../../core/model.js';
import type { TechnicianAuth } from '../../core/services/technician-auth.js';
import type { UnattendedAdmin } from '../../core/services/unattended-admin.js';
import { validate } from '../validate.js';
import { AUTH_COOKIE } from './auth-cookie.js';
import { sendResult } from './send-result.js';

const NoBody = v.union([v.undefined(), v.null(), v.strictObject({})]);

/** Registers the unattended-access admin routes. */
export function unattendedRoutes(app: FastifyInstance, auth: TechnicianAuth, admin: UnattendedAdmin): void {
  const route =
    <S extends v.GenericSchema>(
      schema: S,
      handler: (tech: Technician, body: v.InferOutput<S>, channelId: string) => Promise<Result<unknown>>,
    ) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const tech = await auth.authenticate(request.cookies[AUTH_COOKIE]);
      if (!tech) return sendResult(reply, fail('unauthorized', 'Sign in first.'));
      const body = validate(schema, request.body, LIMITS.httpBodyBytes);
      if (!body.ok) return sendResult(reply, body);
      return sendResult(reply, await handler(tech, body.value, (request.params as { id?: string }).id ?? ''));
    };

  app.get(
    '/api/channels/:id/unattended',
    route(NoBody, (tech, _body, id) => admin.settings(tech, id)),
  );
  app.put(
    '/api/channels/:id/unattended',
    route(UnattendedSettingsSchema, (tech, body, id) => admin.save(tech, id, body)),
  );
  app.post(
    '/api/channels/:id/unattended-key',
    route(NoBody, (tech, _body, id) => admin.rotateKey(tech, id)),
  );
}
