/**
 * `/api/channels/:id/profile`, `/api/channels/:id/identity-secret` and `/api/offline-messages`:
 * a channel's pre-chat form, business hours and identity secret (admins), and the messages left
 * while offline (members of the channel, every channel for admins). Bodies are validated first.
 */
import type { FastifyInstance } from 'fastify';
import { ChannelProfileFieldsSchema } from '../../../src/protocol/index.js';
import type { ChannelProfiles } from '../../core/services/channel-profile.js';
import type { TechnicianAuth } from '../../core/services/technician-auth.js';
import { NoBody, technicianRoute } from './technician-route.js';

/** Registers the profile routes. */
export function profileRoutes(app: FastifyInstance, auth: TechnicianAuth, profiles: ChannelProfiles): void {
  const route = technicianRoute(auth);

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
