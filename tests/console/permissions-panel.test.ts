import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../demo/console/components/permissions-panel.js';
import type { PermissionsPanel } from '../../demo/console/components/permissions-panel.js';
import type { PermissionView } from '../../src/protocol/index.js';
import { FakeCommands, permission, session } from './fixtures.js';

async function mount(permissions: PermissionView[], commands = new FakeCommands()) {
  const el = await fixture<PermissionsPanel>(
    html`<permissions-panel .session=${session()} .permissions=${permissions} .commands=${commands}></permissions-panel>`,
  );
  return { el, commands };
}

const statuses = (el: PermissionsPanel) => [...el.shadowRoot!.querySelectorAll('.perm-status')].map((e) => e.textContent);

describe('<permissions-panel>', () => {
  it('lists requests newest first with their status, a countdown while pending', async () => {
    const now = Date.now();
    const { el } = await mount([
      permission({ id: 'p-1', capability: 'view', status: 'granted', requestedAt: now - 5000 }),
      permission({ id: 'p-2', capability: 'escalate', status: 'revoked', requestedAt: now - 4000 }),
      permission({ id: 'p-3', capability: 'control', status: 'pending', requestedAt: now, expiresAt: now + 65_000 }),
    ]);
    expect(statuses(el)).to.deep.equal(['Pending', 'Revoked', 'Granted']);
    expect(el.shadowRoot!.querySelector('.countdown')!.textContent).to.match(/^1:0[45] left$/);
  });

  it('shows an expired request as no answer, also before the server says so', async () => {
    const now = Date.now();
    const { el } = await mount([
      permission({ id: 'p-1', status: 'expired' }),
      permission({ id: 'p-2', status: 'pending', requestedAt: now - 100_000, expiresAt: now - 1000 }),
    ]);
    expect(statuses(el)).to.deep.equal(['No answer', 'No answer']);
  });

  it('sends permission:request, and disables the button of a capability already pending', async () => {
    const { el, commands } = await mount([permission({ capability: 'control', status: 'pending' })]);
    const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.requests button')];
    const byLabel = (label: string) => buttons.find((b) => b.textContent.trim() === label)!;
    expect(byLabel('Request control').disabled).to.equal(true);
    byLabel('Request escalation to the support client').click();
    await waitUntil(() => commands.requests.length === 1);
    expect(commands.requests).to.deep.equal(['escalate']);
  });
});
