/**
 * `/api/devices/:id`: an admin renames (`PATCH`, body `{ name }`) or removes (`DELETE`) an
 * unattended device, and reads its change log (`GET /api/devices/:id/events`). Bodies are validated first.
 */
import type { FastifyInstance } from 'fastify';
import { DeviceRenameSchema } from '../../../src/protocol/index.js';
import type { DeviceAdmin } from '../../core/services/device-admin.js';
import type { TechnicianAuth } from '../../core/services/technician-auth.js';
import { NoBody, technicianRoute } from './technician-route.js';

/** Registers the device management routes. */
export function deviceRoutes(app: FastifyInstance, auth: TechnicianAuth, admin: DeviceAdmin): void {
  const route = technicianRoute(auth);

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
