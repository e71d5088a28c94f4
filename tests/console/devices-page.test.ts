import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import type { Socket } from 'socket.io-client';
import '../../demo/console/components/devices-page.js';
import type { DevicesPage } from '../../demo/console/components/devices-page.js';
import { supportClientLink } from '../../demo/console/state/support-client-link.js';
import type { DeviceConnectionView, DeviceEventView, DeviceView } from '../../src/protocol/index.js';
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

const worker = setupWorker();

async function mount(devices: DeviceView[], admin = false) {
  const socket = new FakeConsoleSocket();
  socket.handlers.set('devices:list', () => ({ ok: true, value: devices }));
  socket.handlers.set('device:connect', () => ({ ok: true, value: connection({ endedAt: null, endReason: null }) }));
  socket.handlers.set('device:connections', () => ({ ok: true, value: [connection()] }));
  supportClientLink.attach(socket as unknown as Socket);
  const el = await fixture<DevicesPage>(html`<devices-page ?admin=${admin}></devices-page>`);
  await waitUntil(() => el.shadowRoot!.querySelector('[role=status]') === null, 'loaded');
  return { el, socket };
}

const rowText = (el: DevicesPage, id: string) =>
  el.shadowRoot!.querySelector(`tr[data-device="${id}"]`)?.textContent?.replace(/\s+/g, ' ') ?? '';
const button = (el: DevicesPage, id: string, label: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>(`tr[data-device="${id}"] button`)].find((b) => b.textContent.trim() === label);

const event = (over: Partial<DeviceEventView> = {}): DeviceEventView => ({
  id: 'e-1',
  deviceId: 'd-1',
  at: 4_000,
  actor: { id: 't-admin', name: 'Admin' },
  action: 'renamed',
  summary: 'Admin renamed it from "PC-17" to "Reception PC".',
  ...over,
});

describe('<devices-page>', () => {
  before(() => worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledRequest: 'bypass', quiet: true }));
  after(() => worker.stop());
  afterEach(() => worker.resetHandlers());

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

  it('U-8, U-9: technicians get neither Rename nor Remove', async () => {
    const { el } = await mount([device()]);
    expect(button(el, 'd-1', 'Rename')).to.equal(undefined);
    expect(button(el, 'd-1', 'Remove')).to.equal(undefined);
  });

  it('U-8: an admin renames a device in its row; the new name and the change show', async () => {
    const sent: unknown[] = [];
    worker.use(
      http.patch('/api/devices/:id', async ({ request, params }) => {
        sent.push({ id: params.id, body: await request.json() });
        return HttpResponse.json({ ok: true, value: device({ name: 'Front desk' }) });
      }),
      http.get('/api/devices/:id/events', () => HttpResponse.json({ ok: true, value: [event()] })),
    );
    const { el } = await mount([device({ name: 'PC-17' })], true);
    button(el, 'd-1', 'Rename')!.click();
    await el.updateComplete;
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('tr[data-device="d-1"] input[name=name]')!;
    expect(input.value).to.equal('PC-17');
    input.value = 'Front desk';
    el.shadowRoot!.querySelector<HTMLFormElement>('tr[data-device="d-1"] form')!.requestSubmit();
    await waitUntil(() => rowText(el, 'd-1').includes('Front desk') && button(el, 'd-1', 'Rename') !== undefined, 'renamed');
    expect(sent).to.deep.equal([{ id: 'd-1', body: { name: 'Front desk' } }]);
    button(el, 'd-1', 'Log')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('ol[aria-label="Device changes"] li') !== null, 'changes shown');
    expect(el.shadowRoot!.querySelector('ol[aria-label="Device changes"]')!.textContent).to.contain('renamed it from "PC-17"');
  });

  it('U-8: a refused rename keeps the form and says why', async () => {
    worker.use(
      http.patch('/api/devices/:id', () =>
        HttpResponse.json({ ok: false, error: 'forbidden', message: 'Only admins may rename or remove devices.' }, { status: 403 }),
      ),
    );
    const { el } = await mount([device()], true);
    button(el, 'd-1', 'Rename')!.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLFormElement>('tr[data-device="d-1"] form')!.requestSubmit();
    await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]') !== null, 'refusal shown');
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('Only admins');
    expect(el.shadowRoot!.querySelector('tr[data-device="d-1"] form')).to.not.equal(null);
  });

  it('U-9: an admin removes a device after confirming; Cancel keeps it; a device:removed fact drops it elsewhere', async () => {
    const removed: string[] = [];
    worker.use(
      http.delete('/api/devices/:id', ({ params }) => {
        removed.push(String(params.id));
        return HttpResponse.json({ ok: true, value: event({ action: 'removed', summary: 'Admin removed the device "Reception PC".' }) });
      }),
    );
    const { el, socket } = await mount(
      [device(), device({ id: 'd-2', name: 'Lab', connection: connection({ endedAt: null, endReason: null }) })],
      true,
    );
    button(el, 'd-2', 'Remove')!.click();
    await el.updateComplete;
    const ask = el.shadowRoot!.querySelector('tr[data-device="d-2"] [role=group]')!;
    expect(ask.textContent.replace(/\s+/g, ' ')).to.contain("Alex's connection ends");
    [...ask.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Cancel')!.click();
    await el.updateComplete;
    expect(button(el, 'd-2', 'Remove')).to.not.equal(undefined);
    expect(removed).to.deep.equal([]);

    button(el, 'd-1', 'Remove')!.click();
    await el.updateComplete;
    const confirm = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('tr[data-device="d-1"] [role=group] button')].find(
      (b) => b.textContent.trim() === 'Remove',
    )!;
    confirm.click();
    await waitUntil(() => el.shadowRoot!.querySelector('tr[data-device="d-1"]') === null, 'removed');
    expect(removed).to.deep.equal(['d-1']);

    socket.push('device:removed', { deviceId: 'd-2', channelId: 'ch-1' });
    await waitUntil(() => el.shadowRoot!.querySelector('tr[data-device="d-2"]') === null, 'removed by another admin');
    expect(el.shadowRoot!.textContent).to.contain('No devices yet');
  });
});
