/**
 * `/api/devices/:id`: an admin renames (`PATCH`, body `{ name }`) or removes (`DELETE`) an
 * unattended device, and reads its change log (`GET /api/devices/:id/events`). Bodies are validated first.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as v from 'valibot';
import { DeviceRenameSchema, fail, LIMITS, type Result } from '../../../src/protocol/index.js';
import type { Technician } from '../../core/model.js';
import type { DeviceAdmin } from '../../core/services/device-admin.js';
import type { TechnicianAuth } from '../../core/services/technician-auth.js';
import { validate } from '../validate.js';
import { AUTH_COOKIE } from './auth-cookie.js';
import { sendResult } from './send-result.js';

const NoBody = v.union([v.undefined(), v.null(), v.strictObject({})]);

/** Registers the device management routes. */
export function deviceRoutes(app: FastifyInstance, auth: TechnicianAuth, admin: DeviceAdmin): void {
  const route =
    <S extends v.GenericSchema>(
      schema: S,
      handler: (tech: Technician, body: v.InferOutput<S>, deviceId: string) => Promise<Result<unknown>>,
    ) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const tech = await auth.authenticate(request.cookies[AUTH_COOKIE]);
      if (!tech) return sendResult(reply, fail('unauthorized', 'Sign in first.'));
      const body = validate(schema, request.body, LIMITS.httpBodyBytes);
      if (!body.ok) return sendResult(reply, body);
      return sendResult(reply, await handler(tech, body.value, (request.params as { id?: string }).id ?? ''));
    };

  app.patch(
    '/api/devices/:id',
    route(DeviceRenameSchema, (tech, body, id) => admin.rename(tech, id, body.name)),
  );
  app.delete(
    '/api/devices/:id',
    route(NoBody, (tech, _body, id) => admin.remove(tech, id)),
  );
  app.get(
    '/api/devices/:id/events',
    route(NoBody, (tech, _body, id) => admin.events(tech, id)),
  );
}
