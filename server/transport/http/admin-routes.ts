/**
 * `/api/technicians`, `/api/channels`, `/api/auth/password`: what the console's admin and account
 * pages call. Every body is validated against its protocol schema first.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type * as v from 'valibot';
import {
  ChannelCreateSchema,
  ChannelFieldsSchema,
  fail,
  LIMITS,
  PasswordChangeSchema,
  TechnicianCreateSchema,
  type Result,
} from '../../../src/protocol/index.js';
import type { Technician } from '../../core/model.js';
import type { Admin } from '../../core/services/admin.js';
import type { TechnicianAuth } from '../../core/services/technician-auth.js';
import { validate } from '../validate.js';
import { sendResult } from './send-result.js';
import { AUTH_COOKIE } from './auth-cookie.js';

/** Registers the admin and account routes. */
export function adminRoutes(app: FastifyInstance, auth: TechnicianAuth, admin: Admin): void {
  /** Runs `handler` for a signed-in technician with a validated body. */
  const route =
    <S extends v.GenericSchema | null>(
      schema: S,
      handler: (
        tech: Technician,
        body: S extends v.GenericSchema ? v.InferOutput<S> : null,
        req: FastifyRequest,
      ) => Promise<Result<unknown>>,
    ) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const tech = await auth.authenticate(request.cookies[AUTH_COOKIE]);
      if (!tech) return sendResult(reply, fail('unauthorized', 'Sign in first.'));
      if (schema === null) return sendResult(reply, await handler(tech, null as never, request));
      const body = validate(schema, request.body, LIMITS.httpBodyBytes);
      if (!body.ok) return sendResult(reply, body);
      return sendResult(reply, await handler(tech, body.value as never, request));
    };

  app.get(
    '/api/technicians',
    route(null, (tech) => admin.listTechnicians(tech)),
  );
  app.post(
    '/api/technicians',
    route(TechnicianCreateSchema, (tech, body) => admin.createTechnician(tech, body)),
  );
  app.get(
    '/api/channels',
    route(null, (tech) => admin.listChannels(tech)),
  );
  app.post(
    '/api/channels',
    route(ChannelCreateSchema, (tech, body) => admin.createChannel(tech, body)),
  );
  app.put(
    '/api/channels/:id',
    route(ChannelFieldsSchema, (tech, body, req) => admin.updateChannel(tech, (req.params as { id?: string }).id ?? '', body)),
  );
  app.post(
    '/api/auth/password',
    route(PasswordChangeSchema, (tech, body) => admin.changePassword(tech, body.current, body.next)),
  );
}
