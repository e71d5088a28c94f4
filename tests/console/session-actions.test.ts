import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../demo/console/components/session-actions.js';
import type { SessionActions } from '../../demo/console/components/session-actions.js';
import type { SessionSummary } from '../../src/protocol/index.js';
import { alex, FakeCommands, kim, sam, session } from './fixtures.js';

async function mount(s: SessionSummary, viewerId: string, commands = new FakeCommands()) {
  const el = await fixture<SessionActions>(
    html`<session-actions .session=${s} .viewer=${{ id: viewerId, role: 'technician' }} .commands=${commands}></session-actions>`,
  );
  return { el, commands };
}

const labels = (el: SessionActions) => [...el.shadowRoot!.querySelectorAll('.bar button')].map((b) => b.textContent.trim());
const button = (el: SessionActions, label: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.bar button')].find((b) => b.textContent.trim() === label)!;

describe('<session-actions>', () => {
  it('shows Transfer, Invite, Release and Disconnect to the owner', async () => {
    const { el } = await mount(session({ owner: alex }), alex.id);
    expect(labels(el)).to.include.members(['Assign…', 'Transfer…', 'Invite…', 'Release', 'Close', 'Disconnect customer', 'Delete']);
    expect(labels(el)).not.to.include('Take');
  });

  it('hides Transfer, Invite and Remove from a participant who is not the owner', async () => {
    const { el } = await mount(session({ owner: alex, participants: [sam] }), sam.id);
    const shown = labels(el);
    for (const hidden of ['Transfer…', 'Invite…', 'Remove Sam', 'Release', 'Disconnect customer']) expect(shown).not.to.include(hidden);
  });

  it('offers Take on an unowned session and sends it as one session:act', async () => {
    const { el, commands } = await mount(session({ owner: null, status: 'in_queue' }), kim.id);
    button(el, 'Take').click();
    await waitUntil(() => commands.acts.length === 1);
    expect(commands.acts).to.deep.equal([{ type: 'take' }]);
  });

  it('has one Remove button per participant, for the owner', async () => {
    const { el, commands } = await mount(session({ owner: alex, participants: [sam, kim] }), alex.id);
    expect(labels(el)).to.include.members(['Remove Sam', 'Remove Kim']);
    expect(labels(el)).not.to.include('Invite…');
    button(el, 'Remove Kim').click();
    await waitUntil(() => commands.acts.length === 1);
    expect(commands.acts[0]).to.deep.equal({ type: 'remove', technicianId: kim.id });
  });

  it('shows a refused action’s message as an alert', async () => {
    const commands = new FakeCommands();
    commands.actResult = { ok: false, error: 'limit_reached', message: 'You already have 10 active sessions.' };
    const { el } = await mount(session({ owner: null, status: 'in_queue' }), kim.id, commands);
    button(el, 'Take').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]'));
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.equal('You already have 10 active sessions.');
  });

  it('transfers to a channel picked in the dialog, staying as a participant', async () => {
    const { el, commands } = await mount(session({ owner: alex }), alex.id);
    button(el, 'Transfer…').click();
    const picker = el.shadowRoot!.querySelector('target-picker-dialog')!;
    const root = () => picker.shadowRoot!;
    await waitUntil(() => root().querySelector('dialog[open] select'), 'picker open with choices');
    root().querySelector<HTMLInputElement>('input[value=channel]')!.click();
    await waitUntil(() => root().querySelector('select option[value=ch-2]'), 'channels offered');
    root().querySelector<HTMLInputElement>('input[name=stay]')!.click();
    root().querySelector<HTMLFormElement>('form')!.requestSubmit();
    await waitUntil(() => commands.acts.length === 1);
    expect(commands.acts[0]).to.deep.equal({ type: 'transfer-channel', channelId: 'ch-2', stay: true });
  });

  it('asks before deleting, and sends nothing when cancelled', async () => {
    const { el, commands } = await mount(session({ owner: alex }), alex.id);
    button(el, 'Delete').click();
    const confirm = el.shadowRoot!.querySelector('confirm-dialog')!;
    await waitUntil(() => confirm.shadowRoot!.querySelector('dialog[open]'));
    confirm.shadowRoot!.querySelector<HTMLButtonElement>('button[value=no]')!.click();
    await waitUntil(() => !confirm.shadowRoot!.querySelector('dialog[open]'));
    expect(commands.acts).to.deep.equal([]);
    button(el, 'Delete').click();
    await waitUntil(() => confirm.shadowRoot!.querySelector('dialog[open]'));
    confirm.shadowRoot!.querySelector<HTMLButtonElement>('button[value=yes]')!.click();
    await waitUntil(() => commands.acts.length === 1);
    expect(commands.acts[0]).to.deep.equal({ type: 'delete' });
  });
});
