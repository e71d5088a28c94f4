/**
 * The support-client namespace: the reference (or a native) support client on the visitor's
 * machine. Handshake: protocol version only; the client then redeems a ticket token or code
 * (`client:redeem`) before any other command works. Its socket joins its own room, through which
 * the {@link ClientRelay} reaches it from any server process.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Namespace } from 'socket.io';
import * as v from 'valibot';
import {
  fail,
  ok,
  supportClientCommandSchemas,
  SupportClientHandshakeSchema,
  type ClientConsoleFacts,
  type SupportClientCommands,
  type SupportClientFacts,
} from '../../../src/protocol/index.js';
import type { ClientRelay } from '../../core/escalation-model.js';
import type { DeviceRelay } from '../../core/unattended-model.js';
import type { ClientContext, SupportClientService } from '../../core/services/support-client.js';
import type { UnattendedService } from '../../core/services/unattended.js';
import { clientAddress } from '../client-address.js';
import { bindCommands } from './commands.js';
import { HandshakeError } from './handshake-error.js';
import { assertProtocol } from './protocol-check.js';
import { channelRoom, consoleRooms } from './rooms.js';

/** The support-client namespace with its typed events and per-socket data. */
export type SupportClientNamespace = Namespace<SupportClientCommands, SupportClientFacts, object, ClientContext>;

/** The room of one support client's socket. */
export const supportClientRoom = (clientId: string) => `support-client:${clientId}`;

/** The room of one unattended device's socket (U-3). */
export const deviceRoom = (deviceId: string) => `device:${deviceId}`;

/** The {@link DeviceRelay} over socket.io rooms: the device's own room, and its channel's consoles. */
export function socketDeviceRelay(ns: SupportClientNamespace, consoleNs: Namespace<object, ClientConsoleFacts>): DeviceRelay {
  return {
    toDevice(deviceId, event, payload) {
      (ns.to(deviceRoom(deviceId)).emit as (e: string, p: unknown) => void)(event, payload);
    },
    deviceUpdated(device) {
      consoleNs.to(channelRoom(device.channelId)).emit('device:updated', device);
    },
    async isConnected(deviceId) {
      return (await ns.in(deviceRoom(deviceId)).fetchSockets()).length > 0;
    },
    localDevices() {
      const ids = new Set<string>();
      for (const socket of ns.sockets.values()) if (socket.data.deviceId) ids.add(socket.data.deviceId);
      return [...ids];
    },
    disconnect(deviceId) {
      ns.in(deviceRoom(deviceId)).disconnectSockets(true);
    },
    deviceRemoved(device) {
      consoleNs.to(channelRoom(device.channelId)).emit('device:removed', { deviceId: device.id, channelId: device.channelId });
    },
  };
}

/** How long the server waits for the client to accept a file or write a chunk. */
export const CLIENT_ANSWER_MS = 15_000;

/** The {@link ClientRelay} over socket.io rooms. */
export function socketClientRelay(ns: SupportClientNamespace, consoleNs: Namespace<object, ClientConsoleFacts>): ClientRelay {
  return {
    consoles(audience, event, payload) {
      const rooms = consoleRooms(audience);
      if (rooms.length > 0) (consoleNs.to(rooms).emit as (e: string, p: unknown) => void)(event, payload);
    },
    send(clientId, event, payload) {
      (ns.to(supportClientRoom(clientId)).emit as (e: string, p: unknown) => void)(event, payload);
    },
    async ask<T>(clientId: string, event: string, payload: unknown) {
      try {
        const target = ns.to(supportClientRoom(clientId)).timeout(CLIENT_ANSWER_MS) as unknown as {
          emitWithAck(e: string, p: unknown): Promise<unknown[]>;
        };
        const answers = await target.emitWithAck(event, payload);
        const answer = answers[0] as { ok: true; value: T } | { ok: false; message: string } | undefined;
        if (!answer || typeof answer !== 'object') return { ok: false as const, message: 'The support client is not connected.' };
        return answer.ok
          ? { ok: true as const, value: answer.value }
          : { ok: false as const, message: String(answer.message).slice(0, 300) };
      } catch {
        return { ok: false as const, message: 'The support client did not answer in time.' };
      }
    },
    disconnect(clientId) {
      ns.in(supportClientRoom(clientId)).disconnectSockets(true);
    },
  };
}

/** What the namespace needs. */
export interface SupportClientNamespaceDeps {
  service: SupportClientService;
  unattended: UnattendedService;
  log: FastifyBaseLogger;
  trustProxy: boolean;
}

/** Installs the handshake and command handlers on the support-client namespace. */
export function mountSupportClientNamespace(ns: SupportClientNamespace, deps: SupportClientNamespaceDeps): void {
  const { service, log } = deps;

  ns.use((socket, next) => {
    try {
      assertProtocol(socket.handshake.auth);
      const auth = v.safeParse(SupportClientHandshakeSchema, socket.handshake.auth);
      if (!auth.success) throw new HandshakeError('invalid_payload', `Invalid handshake: ${auth.issues[0].message}`);
      socket.data = {
        ip: clientAddress(socket.handshake.address, socket.handshake.headers['x-forwarded-for'], deps.trustProxy),
        client: null,
        deviceId: null,
      };
      next();
    } catch (e) {
      next(e instanceof HandshakeError ? e : new HandshakeError('internal', 'The server could not accept the connection.'));
    }
  });

  ns.on('connection', (socket) => {
    const ctx = socket.data;
    socket.on('disconnect', () => {
      service.end(ctx, false).catch((e: unknown) => log.warn({ err: e }, 'support client end failed'));
      deps.unattended.offline(ctx).catch((e: unknown) => log.warn({ err: e }, 'device offline failed'));
    });
    bindCommands<SupportClientCommands, typeof supportClientCommandSchemas>(
      socket,
      supportClientCommandSchemas,
      {
        'client:redeem': async (p) => {
          const r = await service.redeem(ctx, p);
          if (r.ok) await socket.join(supportClientRoom(r.value.clientId));
          return r;
        },
        'client:resume': async (p) => {
          const r = await service.resume(ctx, p);
          if (r.ok) await socket.join(supportClientRoom(r.value.clientId));
          return r;
        },
        'device:register': async (p) => {
          if (ctx.deviceId) return fail('invalid_payload', 'This connection already registered its device.');
          const r = await deps.unattended.register(ctx, p);
          if (r.ok) await socket.join(deviceRoom(r.value.deviceId));
          return r;
        },
        'device:attach': async (p) => {
          const r = await deps.unattended.attach(ctx, p.connectionId);
          if (!r.ok) return r;
          await socket.join(supportClientRoom(r.value.clientId));
          // After the ack, so the device serves the capabilities before a console can use them.
          setImmediate(
            () => void deps.unattended.attached(r.value.clientId).catch((e: unknown) => log.warn({ err: e }, 'attach announce failed')),
          );
          return r;
        },
        'grant:answer': (p) => service.answer(ctx, p),
        'system:report': (p) => service.report(ctx, p),
        'shell:output': (p) => service.shellOutput(ctx, p),
        'shell:exited': (p) => service.shellExited(ctx, p),
        'file:chunk': (p) => service.fileChunk(ctx, p),
        'file:failed': (p) => service.fileFailed(ctx, p),
        'elevation:answer': (p) => service.elevationAnswer(ctx, p.allow),
        'client:end': async () => {
          const r = await service.end(ctx, true);
          // After the ack, so the client hears that its end was recorded.
          setImmediate(() => socket.disconnect(true));
          return r.ok ? ok(null) : r;
        },
      },
      log,
    );
  });
}
