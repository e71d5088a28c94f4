/**
 * U-4, U-5, U-7: the console's view of an unattended session. Nobody's widget belongs to it, so it
 * shows no visitor presence, chat, visitor disconnect or permission requests; it shows the device
 * (name, system), what the channel lets members use, who connected, and End connection.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Socket } from 'socket.io-client';
import '../../demo/console/components/conversation-view.js';
import type { ConversationView } from '../../demo/console/components/conversation-view.js';
import { supportClientLink } from '../../demo/console/state/support-client-link.js';
import type { ClientGrantView, DeviceConnectionView, SupportClientView, SystemInfo } from '../../src/protocol/index.js';
import { FakeConsoleSocket } from './fake-console-socket.js';
import { alex, FakeCommands, permission, session } from './fixtures.js';

const SYSTEM: SystemInfo = {
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
  pty: true,
};

const grant = (capability: ClientGrantView['capability']): ClientGrantView => ({
  id: `g-${capability}`,
  clientId: 'cl-1',
  sessionId: 's-1',
  capability,
  status: 'granted',
  requestedBy: alex,
  organisation: 'Website',
  requestedAt: 1_000,
  expiresAt: 1_000,
  answeredAt: 1_000,
});

const client: SupportClientView = {
  id: 'cl-1',
  sessionId: 's-1',
  os: 'linux',
  elevated: true,
  version: '0.1.0',
  system: SYSTEM,
  connectedAt: 1_000,
  endedAt: null,
  reconnecting: false,
  grants: [grant('shell'), grant('files')],
};

const connection: DeviceConnectionView = {
  id: 'k-1',
  deviceId: 'd-1',
  deviceName: 'Reception PC',
  sessionId: 's-1',
  technician: alex,
  startedAt: Date.UTC(2026, 0, 2, 9, 30),
  endedAt: null,
  endReason: null,
};

async function mount() {
  const socket = new FakeConsoleSocket();
  socket.handlers.set('client:status', () => ({ ok: true, value: client }));
  socket.handlers.set('device:session-connection', () => ({ ok: true, value: connection }));
  socket.handlers.set('device:disconnect', () => ({ ok: true, value: { ...connection, endedAt: Date.now(), endReason: 'ended by Alex' } }));
  supportClientLink.attach(socket as unknown as Socket);
  const el = await fixture<ConversationView>(
    html`<conversation-view
      .session=${session({ origin: 'unattended', visitorLabel: 'Unattended device' })}
      .permissions=${[permission({ capability: 'view', status: 'granted' })]}
      .visitorOnline=${false}
      .viewer=${{ id: alex.id, role: 'technician' }}
      .commands=${new FakeCommands()}
    ></conversation-view>`,
  );
  const panel = el.shadowRoot!.querySelector('support-client-panel')!;
  await waitUntil(() => panel.shadowRoot!.textContent.includes('Reception PC'), 'device shown');
  return { el, socket, panel };
}

const text = (root: ShadowRoot) => root.textContent.replace(/\s+/g, ' ');

describe('<conversation-view> of an unattended session', () => {
  it('U-4: no visitor presence, chat, visitor disconnect, co-browse or permission requests', async () => {
    const { el } = await mount();
    const root = el.shadowRoot!;
    expect(root.querySelector('.presence')).to.equal(null);
    expect(text(root)).to.not.contain('Offline');
    for (const part of ['chat-panel', 'permissions-panel', 'cobrowse-view', 'visitor-profile']) {
      expect(root.querySelector(part), part).to.equal(null);
    }
    const actions = root.querySelector('session-actions')!;
    await (actions as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const labels = [...actions.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent.trim());
    expect(labels).to.not.include('Disconnect customer');
    expect(labels).to.include('Close');
    expect(root.querySelector('activity-panel')).to.not.equal(null, 'the connection is still logged');
  });

  it('U-5: shows the device, its system, what the channel allows and who connected', async () => {
    const { panel } = await mount();
    const shown = text(panel.shadowRoot!);
    expect(panel.shadowRoot!.querySelector('h3')!.textContent).to.equal('Reception PC');
    for (const part of [
      'Connected',
      'Linux · version 0.1.0',
      'Administrator',
      'reception-pc',
      'svc (administrator)',
      'Command shell',
      'File transfer',
    ]) {
      expect(shown).to.contain(part);
    }
    expect(shown).to.not.contain('System information', 'not among the granted capabilities');
    expect(shown).to.contain('Connected by Alex (you)');
    expect(shown).to.contain('nobody is asked');
    expect(panel.shadowRoot!.querySelector('button[data-capability]')).to.equal(null, 'nobody to ask for more');
    expect(panel.shadowRoot!.querySelector('client-files')).to.not.equal(null);
  });

  it('U-7: End connection ends it and says how it ended', async () => {
    const { socket, panel } = await mount();
    const end = [...panel.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent.trim() === 'End connection')!;
    end.click();
    await waitUntil(() => text(panel.shadowRoot!).includes('ended by Alex'), 'ended shown');
    expect(socket.sent.find((s) => s.event === 'device:disconnect')!.payload).to.deep.equal({ connectionId: 'k-1' });
    expect(text(panel.shadowRoot!)).to.contain('Connection ended');
    expect([...panel.shadowRoot!.querySelectorAll('button')].some((b) => b.textContent.trim() === 'End connection')).to.equal(false);
  });
});
