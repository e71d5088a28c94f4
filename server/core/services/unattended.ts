/**
 * Unattended access (SPEC.md U-3..U-7): devices register with their channel's key (wrong keys rate
 * limited like PINs), members connect to them from the console, and every connection (who, when,
 * which device, how it ended) is logged, in the device's connection log and the session's activity.
 */
import {
  fail,
  ok,
  type DeviceAttached,
  type DeviceConnectionView,
  type DeviceRegistered,
  type DeviceView,
  type PayloadOf,
  type Result,
  type SupportClientCommands,
} from '../../../src/protocol/index.js';
import type { ClientRelay } from '../escalation-model.js';
import type { Technician } from '../model.js';
import type { Env, Publisher, Store } from '../ports.js';
import { isOpen } from '../session-rules.js';
import { isOnline } from '../device-presence.js';
import type { Device, DeviceConnection, DeviceRelay } from '../unattended-model.js';
import {
  channelIdOfKey,
  checkChannelKey,
  knownDevice,
  mayConnect,
  mayDisconnect,
  newUnattendedSession,
  returningDetails,
  settingsOf,
  unattendedClient,
} from '../unattended-rules.js';
import { connectionView, deviceView } from '../unattended-views.js';
import { clientTransfers } from './client-transfers.js';
import { joinGuard } from './join-guard.js';
import { sessionFeed } from './session-feed.js';
import type { ClientContext } from './support-client.js';

/** Dependencies of the unattended services. */
export interface UnattendedDeps {
  store: Store;
  env: Env;
  publish: Publisher;
  relay: ClientRelay;
  devices: DeviceRelay;
  /** Tells the session's consoles what its support client now looks like. */
  announce: (clientId: string) => Promise<void>;
}

/** How many connections the console's log shows per device. */
export const CONNECTION_LOG_LIMIT = 50;

/** Builds the device-side and console-side operations of unattended access. */
export function unattendedService(deps: UnattendedDeps) {
  const { store, env, relay, devices } = deps;
  const transfers = clientTransfers(store);
  const feed = sessionFeed(deps);
  const guard = joinGuard(store, env);

  const viewOf = async (d: Device): Promise<DeviceView> =>
    deviceView(d, (await store.findChannelById(d.channelId))?.name ?? '', await store.findLiveDeviceConnection(d.id), env.now());

  /** Tells the channel's consoles what the device looks like now; a removed one they no longer list. */
  const tellConsoles = async (deviceId: string) => {
    const d = await store.findDevice(deviceId);
    if (d && d.removedAt === null) devices.deviceUpdated(await viewOf(d));
  };

  /** U-6: a device nobody holds any more: its connection ends and the consoles see it offline. */
  const wentAway = async (deviceId: string) => {
    const live = await store.findLiveDeviceConnection(deviceId);
    if (live) await endConnection(live, 'the device went offline');
    await tellConsoles(deviceId);
  };

  /** U-6: ends a connection once, with its client, and logs why. */
  const endConnection = async (c: DeviceConnection, reason: string) => {
    const now = env.now();
    if (!(await store.endDeviceConnection(c.id, now, reason))) return false;
    if (await store.endSupportClient(c.clientId, now)) {
      relay.send(c.clientId, 'client:ended', { message: `The unattended connection ended: ${reason}.` });
      await transfers.dropClient(c.clientId);
      await deps.announce(c.clientId);
    }
    const session = await store.findSession(c.sessionId);
    if (session) await feed.log(session, { kind: 'system' }, 'device.ended', reason);
    return true;
  };

  return {
    /** U-3: a client in service mode proves the channel key; a new machine gets an id and a secret. */
    async register(ctx: ClientContext, p: PayloadOf<SupportClientCommands['device:register']>): Promise<Result<DeviceRegistered>> {
      const channelId = channelIdOfKey(p.key);
      const subjects = { ip: `device-key:${ctx.ip}` };
      const allowed = await guard.check(subjects);
      if (!allowed.ok) return allowed;
      const checked = checkChannelKey(await store.findUnattendedSettings(channelId), env.hashToken(p.key));
      if (!checked.ok) {
        if (checked.error === 'unauthorized') await guard.failed(subjects);
        return checked;
      }
      const now = env.now();
      const details = { name: p.name, ...p.client, system: p.system };
      const known = p.device ? knownDevice(await store.findDevice(p.device.id), channelId, env.hashToken(p.device.secret)) : ok(null);
      if (!known.ok) return known;
      const existing = known.value;
      let secret: string | null = null;
      let device: Device;
      if (existing) {
        await store.deviceRegistered(existing.id, returningDetails(existing, details), now);
        device = existing;
        // A connection the device held before a restart of either side cannot go on.
        const stale = await store.findLiveDeviceConnection(existing.id);
        if (stale) await endConnection(stale, 'the device reconnected');
      } else {
        secret = env.token();
        device = {
          id: env.id(),
          channelId,
          secretHash: env.hashToken(secret),
          ...details,
          registeredAt: now,
          lastSeenAt: now,
          online: true,
          renamedAt: null,
          removedAt: null,
        };
        await store.insertDevice(device);
      }
      ctx.deviceId = device.id;
      await tellConsoles(device.id);
      const channel = await store.findChannelById(channelId);
      return ok({ deviceId: device.id, secret, channelName: channel?.name ?? 'Support' });
    },

    /**
     * U-5: the device takes up the connection a member started: only now does the session get its
     * support client, holding the channel's capabilities, so nothing is sent to a device not yet listening.
     */
    async attach(ctx: ClientContext, connectionId: string): Promise<Result<DeviceAttached>> {
      if (!ctx.deviceId) return fail('unauthorized', 'Register the device first.');
      const c = await store.findDeviceConnection(connectionId);
      const device = await store.findDevice(ctx.deviceId);
      const session = c && (await store.findSession(c.sessionId));
      if (!c || !device || !session || c.deviceId !== device.id || c.endedAt !== null || (await store.findSupportClient(c.clientId))) {
        return fail('not_found', 'No such connection.');
      }
      const channel = await store.findChannelById(c.channelId);
      const made = unattendedClient({
        clientId: c.clientId,
        device,
        session,
        technician: c.technician,
        organisation: channel?.name ?? 'Support',
        settings: settingsOf(c.channelId, await store.findUnattendedSettings(c.channelId)),
        grantIds: () => env.id(),
        now: env.now(),
      });
      await store.insertSupportClient(made.client);
      for (const g of made.grants) await store.insertClientGrant(g);
      ctx.client = made.client;
      return ok({
        clientId: made.client.id,
        sessionId: c.sessionId,
        technician: c.technician,
        capabilities: made.grants.map((g) => g.capability),
      });
    },

    /** Tells the session's consoles that the device serves it; called once the device heard its answer. */
    attached: (clientId: string) => deps.announce(clientId),

    /** The device's socket went away: its connection ends and it shows offline. */
    async offline(ctx: ClientContext): Promise<void> {
      const id = ctx.deviceId;
      if (!id) return;
      await store.deviceOffline(id, env.now());
      await wentAway(id);
    },

    /** U-6: a device nobody holds any more: its connection ends and the consoles see it offline. */
    wentAway,

    /** U-6, U-9: ends a connection once, with its client, and logs why. */
    endConnection,

    /** The devices of the technician's channels. */
    async list(tech: Technician): Promise<Result<DeviceView[]>> {
      const found = await store.listDevices(await store.listChannelIdsOf(tech.id));
      return ok(await Promise.all(found.map(viewOf)));
    },

    /** U-4: a member connects: a session without a visitor, owned by them, bound to the device. */
    async connect(tech: Technician, deviceId: string): Promise<Result<DeviceConnectionView>> {
      const memberOf = await store.listChannelIdsOf(tech.id);
      let device = await store.findDevice(deviceId);
      if (device && isOnline(device, env.now()) && !(await devices.isConnected(device.id))) {
        // The server that held its socket stopped without saying so, and its lease has not lapsed yet.
        await store.deviceOffline(device.id, device.lastSeenAt);
        device = { ...device, online: false };
      }
      let live = device && (await store.findLiveDeviceConnection(device.id));
      const liveSession = live && (await store.findSession(live.sessionId));
      if (live && !(liveSession && isOpen(liveSession, env.now()))) {
        await endConnection(live, 'its session was closed');
        live = undefined;
      }
      const allowed = mayConnect({
        device,
        settings: settingsOf(deviceId, device && (await store.findUnattendedSettings(device.channelId))),
        memberOf,
        live,
        now: env.now(),
      });
      if (!allowed.ok) return allowed;
      const d = allowed.value;
      const channel = await store.findChannelById(d.channelId);
      if (!channel) return fail('not_found', 'No such device.');
      const now = env.now();
      const session = newUnattendedSession({ id: env.id(), channel, technicianId: tech.id, now });
      const technician = { id: tech.id, name: tech.name };
      await store.insertSession(session);
      const connection: DeviceConnection = {
        id: env.id(),
        deviceId: d.id,
        channelId: d.channelId,
        sessionId: session.id,
        clientId: env.id(),
        technician,
        startedAt: now,
        endedAt: null,
        endReason: null,
      };
      await store.insertDeviceConnection(connection);
      await feed.announce(session, { created: true, channel });
      await feed.log(session, { kind: 'technician', ...technician }, 'device.connected', d.name);
      devices.toDevice(d.id, 'device:connect-requested', {
        connectionId: connection.id,
        sessionId: session.id,
        technician,
        organisation: channel.name,
      });
      await tellConsoles(d.id);
      return ok(connectionView(connection, d.name));
    },

    /** U-7: a member of the channel ends a connection. */
    async disconnect(tech: Technician, connectionId: string): Promise<Result<DeviceConnectionView>> {
      const allowed = mayDisconnect(await store.findDeviceConnection(connectionId), await store.listChannelIdsOf(tech.id));
      if (!allowed.ok) return allowed;
      await endConnection(allowed.value, `ended by ${tech.name}`);
      await tellConsoles(allowed.value.deviceId);
      const ended = await store.findDeviceConnection(connectionId);
      const device = await store.findDevice(allowed.value.deviceId);
      return ok(connectionView(ended ?? allowed.value, device?.name ?? ''));
    },

    /** U-5: the connection behind an unattended session, for members of its channel; null for other sessions. */
    async sessionConnection(tech: Technician, sessionId: string): Promise<Result<DeviceConnectionView | null>> {
      const c = await store.findConnectionOfSession(sessionId);
      if (!c) return ok(null);
      if (!(await store.listChannelIdsOf(tech.id)).includes(c.channelId)) return fail('not_found', 'No such connection.');
      const device = await store.findDevice(c.deviceId);
      return ok(connectionView(c, device?.name ?? ''));
    },

    /** U-6: a device's connection log, newest first. */
    async connections(tech: Technician, deviceId: string): Promise<Result<DeviceConnectionView[]>> {
      const device = await store.findDevice(deviceId);
      if (!device || device.removedAt !== null || !(await store.listChannelIdsOf(tech.id)).includes(device.channelId)) {
        return fail('not_found', 'No such device.');
      }
      const log = await store.listDeviceConnections(device.id, CONNECTION_LOG_LIMIT);
      return ok(log.map((c) => connectionView(c, device.name)));
    },
  };
}

/** The unattended services. */
export type UnattendedService = ReturnType<typeof unattendedService>;
