/**
 * Service mode (unattended access, SPEC.md U-3..U-6): the client registers this computer as a
 * device of the channel whose key it was given, keeps the identity the server gave it in a state
 * file, and stays connected, reconnecting with backoff. When a member connects from the console it
 * serves the channel's capabilities with nobody asked, and says so here, since nobody may be watching.
 */
import os from 'node:os';
import type { ClientCapability, SystemInfo } from '../../src/protocol/index.js';
import { defaultStatePath, forgetDeviceState, loadDeviceState, saveDeviceState } from './device-state.js';
import { systemInfo } from './machine.js';
import type { ServiceOptions } from './options.js';
import { askServer, openSocket, SupportSession } from './session.js';
import { loadPty } from './shell.js';
import type { Terminal } from './terminal.js';

/** How the device runs. */
export interface DeviceSetup {
  server: string;
  service: ServiceOptions;
  terminal: Terminal;
  filesDir: string;
  elevated: boolean;
  os: SystemInfo['os'];
  usePty: boolean;
  version: string;
}

const WORDS: Record<ClientCapability, string> = { shell: 'a command shell', files: 'file transfer', system: 'system information' };

/** Runs the device until the server refuses it or the process is stopped; resolves with the exit code. */
export function runDevice(setup: DeviceSetup): Promise<number> {
  const { terminal, service } = setup;
  const say = (t: string) => terminal.say(t);
  const statePath = service.statePath ?? defaultStatePath();
  const name = service.name ?? os.hostname();
  const socket = openSocket(setup.server);
  const session = new SupportSession({ ...setup, unattended: { socket } });
  session.serve([]);

  return new Promise<number>((resolve) => {
    const stop = (code: number) => {
      socket.disconnect();
      resolve(code);
    };
    process.once('SIGINT', () => stop(0));
    process.once('SIGTERM', () => stop(0));

    const register = async () => {
      const state = await loadDeviceState(statePath, setup.server);
      const pty = setup.usePty && (await loadPty()) !== null;
      const r = await askServer(socket, 'device:register', {
        key: service.channelKey,
        device: state && { id: state.deviceId, secret: state.secret },
        name,
        client: { os: setup.os, elevated: setup.elevated, version: setup.version },
        system: systemInfo(pty, setup.elevated),
      });
      if (!r.ok) {
        say(`The server refused this device: ${r.message}`);
        // U-9: removed in the console. Its identity is dead; without it the next start registers anew.
        if (state && r.error === 'not_found') await forgetDeviceState(statePath);
        return stop(1);
      }
      if (r.value.secret) await saveDeviceState(statePath, { server: setup.server, deviceId: r.value.deviceId, secret: r.value.secret });
      say(`Registered as "${name}" with ${r.value.channelName} (device ${r.value.deviceId}). Waiting for a member to connect.`);
    };

    socket.on('connect', () => void register());
    socket.on('disconnect', (reason) => {
      say(`Disconnected from the server (${reason}); reconnecting…`);
      // socket.io does not retry a connection the server closed on purpose; a device always comes back.
      if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 1_000).unref();
    });
    socket.on('connect_error', (e: Error & { data?: { message?: string } }) => {
      say(`Cannot reach ${setup.server}: ${e.data?.message ?? e.message}; retrying…`);
      if (!socket.active) setTimeout(() => socket.connect(), 5_000).unref();
    });
    socket.on('device:connect-requested', (p) => {
      void askServer(socket, 'device:attach', { connectionId: p.connectionId }).then((r) => {
        if (!r.ok) return say(`A connection from ${p.technician.name} could not start: ${r.message}`);
        session.serve(r.value.capabilities);
        const what = r.value.capabilities.map((c) => WORDS[c]).join(', ') || 'nothing';
        say(`${p.technician.name} from ${p.organisation} connected: unattended access, no visitor present and nobody is asked.`);
        say(`They may use: ${what}. Every connection is logged in the console.`);
      });
    });
  });
}
