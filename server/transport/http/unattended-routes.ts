/**
 * `/api/channels/:id/unattended` and `/api/channels/:id/unattended-key`: whether a channel allows
 * unattended access, what members may use on its devices, and its channel key (admins only; the
 * key is answered once, when made). Bodies are validated first.
 */
import type { FastifyInstance } from 'fastify';
import { UnattendedSettingsSchema } from '../../../src/protocol/index.js';
import type { TechnicianAuth } from '../../core/services/technician-auth.js';
import type { UnattendedAdmin } from '../../core/services/unattended-admin.js';
import { NoBody, technicianRoute } from './technician-route.js';

/** Registers the unattended-access admin routes. */
export function unattendedRoutes(app: FastifyInstance, auth: TechnicianAuth, admin: UnattendedAdmin): void {
  const route = technicianRoute(auth);

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
