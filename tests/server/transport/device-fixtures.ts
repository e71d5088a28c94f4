/**
 * Unattended devices for transport tests: the channel's settings and key through the admin HTTP
 * routes, and device sockets that register with that key, each from its own address so that rate
 * limits of one test do not touch another.
 */
import assert from 'node:assert/strict';
import type { DeviceRegistered, SystemInfo, UnattendedKeyView, UnattendedSettingsView } from '../../../src/protocol/index.js';
import { api, valueOf } from '../../support/test-server.js';
import { clientAck, connectSupportClient, TEST_CLIENT, type SupportClientSocket } from '../../support/test-support-client.js';
import type { Team } from './team.js';

/** What a test device reports about itself. */
export const DEVICE_SYSTEM: SystemInfo = {
  os: 'linux',
  platform: 'linux',
  release: '6.1',
  arch: 'x64',
  hostname: 'reception-pc',
  user: 'svc',
  elevated: true,
  cpus: 4,
  memoryMb: 8192,
  node: 'v20.0.0',
  pty: false,
};

/** Devices of the team's `demo` channel. */
export interface DeviceFixture {
  /** The channel's current key. */
  key: string;
  /** A device socket from a new address. */
  socket(): Promise<SupportClientSocket>;
  /** Registers `socket` (a new device unless `device` says which). */
  register(
    socket: SupportClientSocket,
    over?: { device?: { id: string; secret: string } | null; name?: string },
  ): ReturnType<typeof clientAck<'device:register'>>;
  /** A new device, registered and online. */
  registered(name: string): Promise<{ socket: SupportClientSocket; device: DeviceRegistered }>;
  /** Disconnects every device socket. */
  close(): void;
}

let address = 0;

/** Allows unattended access in `demo` (all capabilities) and makes a key. */
export async function deviceFixture(team: Team): Promise<DeviceFixture> {
  const settings = await api<UnattendedSettingsView>(team.server, team.admin.cookie, 'PUT', `/api/channels/${team.demoId}/unattended`, {
    allowed: true,
    capabilities: ['shell', 'files', 'system'],
  });
  assert.ok(settings.body.ok, JSON.stringify(settings.body));
  const made = await api<UnattendedKeyView>(team.server, team.admin.cookie, 'POST', `/api/channels/${team.demoId}/unattended-key`);
  assert.ok(made.body.ok);
  const key = made.body.value.key;
  const sockets: SupportClientSocket[] = [];
  const fixture: DeviceFixture = {
    key,
    async socket() {
      const s = await connectSupportClient(team.server.url, { headers: { 'x-forwarded-for': `192.0.2.${(++address % 250) + 1}` } });
      sockets.push(s);
      return s;
    },
    register: (socket, over = {}) =>
      clientAck(socket, 'device:register', {
        key,
        device: over.device ?? null,
        name: over.name ?? 'Reception PC',
        client: TEST_CLIENT,
        system: DEVICE_SYSTEM,
      }),
    async registered(name) {
      const socket = await fixture.socket();
      return { socket, device: valueOf(await fixture.register(socket, { name })) };
    },
    close() {
      for (const s of sockets) s.disconnect();
    },
  };
  return fixture;
}
