import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { Socket } from 'socket.io-client';
import '../../demo/console/components/devices-page.js';
import type { DevicesPage } from '../../demo/console/components/devices-page.js';
import { supportClientLink } from '../../demo/console/state/support-client-link.js';
import type { DeviceConnectionView, DeviceView } from '../../src/protocol/index.js';
import { FakeConsoleSocket } from './fake-console-socket.js';

const device = (over: Partial<DeviceView> = {}): DeviceView => ({
  id: 'd-1',
  channelId: 'ch-1',
  channelName: 'Website',
  name: 'Reception PC',
  os: 'windows',
  elevated: true,
  version: '0.1.0',
  system: null,
  registeredAt: 1_000,
  lastSeenAt: 1_000,
  online: true,
  connection: null,
  ...over,
});

const connection = (over: Partial<DeviceConnectionView> = {}): DeviceConnectionView => ({
  id: 'k-1',
  deviceId: 'd-1',
  deviceName: 'Reception PC',
  sessionId: 's-9',
  technician: { id: 't-alex', name: 'Alex' },
  startedAt: 2_000,
  endedAt: 3_000,
  endReason: 'ended by Alex',
  ...over,
});

async function mount(devices: DeviceView[]) {
  const socket = new FakeConsoleSocket();
  socket.handlers.set('devices:list', () => ({ ok: true, value: devices }));
  socket.handlers.set('device:connect', () => ({ ok: true, value: connection({ endedAt: null, endReason: null }) }));
  socket.handlers.set('device:connections', () => ({ ok: true, value: [connection()] }));
  supportClientLink.attach(socket as unknown as Socket);
  const el = await fixture<DevicesPage>(html`<devices-page></devices-page>`);
  await waitUntil(() => el.shadowRoot!.querySelector('[role=status]') === null, 'loaded');
  return { el, socket };
}

const rowText = (el: DevicesPage, id: string) =>
  el.shadowRoot!.querySelector(`tr[data-device="${id}"]`)?.textContent?.replace(/\s+/g, ' ') ?? '';
const button = (el: DevicesPage, id: string, label: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>(`tr[data-device="${id}"] button`)].find((b) => b.textContent.trim() === label);

describe('<devices-page>', () => {
  it('U-3, U-4: lists devices with their state; Connect works only online and opens the session', async () => {
    const { el, socket } = await mount([
      device(),
      device({ id: 'd-2', name: 'Lab', online: false, lastSeenAt: Date.UTC(2026, 0, 2) }),
      device({ id: 'd-3', name: 'Till', connection: connection({ endedAt: null, endReason: null }) }),
    ]);
    expect(rowText(el, 'd-1')).to.contain('Online');
    expect(rowText(el, 'd-2')).to.contain('Offline');
    expect(rowText(el, 'd-3')).to.contain('In use by Alex');
    expect(button(el, 'd-2', 'Connect')!.disabled).to.equal(true);
    expect(button(el, 'd-3', 'Connect')).to.equal(undefined);
    expect(button(el, 'd-3', 'Disconnect')).to.not.equal(undefined);
    const opened = oneEvent(el, 'open-session');
    button(el, 'd-1', 'Connect')!.click();
    expect((await opened).detail).to.equal('s-9');
    expect(socket.sent.find((s) => s.event === 'device:connect')!.payload).to.deep.equal({ deviceId: 'd-1' });
  });

  it('U-6: a device:updated fact changes its row; the log says who connected and how it ended', async () => {
    const { el, socket } = await mount([device()]);
    socket.push('device:updated', device({ online: false }));
    await waitUntil(() => rowText(el, 'd-1').includes('Offline'), 'went offline');
    button(el, 'd-1', 'Log')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('ol.log li') !== null, 'log shown');
    const entry = el.shadowRoot!.querySelector('ol.log li')!.textContent.replace(/\s+/g, ' ');
    expect(entry).to.contain('Alex connected');
    expect(entry).to.contain('ended by Alex');
  });

  it('U-3: without devices it says how to get one', async () => {
    const { el } = await mount([]);
    expect(el.shadowRoot!.textContent).to.contain('service mode with the channel key');
  });
});
