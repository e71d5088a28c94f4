/**
 * `/api/channels/:id/profile`, `/api/channels/:id/identity-secret` and `/api/offline-messages`:
 * a channel's pre-chat form, business hours and identity secret (admins), and the messages left
 * while offline (members of the channel, every channel for admins). Bodies are validated first.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as v from 'valibot';
import { ChannelProfileFieldsSchema, fail, LIMITS, type Result } from '../../../src/protocol/index.js';
import type { Technician } from '../../core/model.js';
import type { ChannelProfiles } from '../../core/services/channel-profile.js';
import type { TechnicianAuth } from '../../core/services/technician-auth.js';
import { validate } from '../validate.js';
import { AUTH_COOKIE } from './auth-cookie.js';
import { sendResult } from './send-result.js';

const NoBody = v.union([v.undefined(), v.null(), v.strictObject({})]);

/** Registers the profile routes. */
export function profileRoutes(app: FastifyInstance, auth: TechnicianAuth, profiles: ChannelProfiles): void {
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
    '/api/channels/:id/profile',
    route(NoBody, (tech, _body, id) => profiles.read(tech, id)),
  );
  app.put(
    '/api/channels/:id/profile',
    route(ChannelProfileFieldsSchema, (tech, body, id) => profiles.update(tech, id, body)),
  );
  app.post(
    '/api/channels/:id/identity-secret',
    route(NoBody, (tech, _body, id) => profiles.rotateSecret(tech, id)),
  );
  app.get(
    '/api/offline-messages',
    route(NoBody, (tech) => profiles.listOffline(tech)),
  );
}
