import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../demo/console/components/new-session-dialog.js';
import type { NewSessionDialog } from '../../demo/console/components/new-session-dialog.js';
import type { Result, SessionCreated } from '../../src/protocol/index.js';
import { session } from './fixtures.js';

const invitation = { link: 'https://shop.example.com/help?porthole=AbCdEfGhIjKlMnOpQrStUv', pin: '482913' };

function details(el: NewSessionDialog) {
  const inv = el.shadowRoot!.querySelector('invitation-details');
  return inv?.shadowRoot ?? null;
}

describe('<new-session-dialog>', () => {
  it('creates the session at once in the only channel and shows the link and the PIN as text', async () => {
    const calls: string[] = [];
    const create = (channelId: string): Promise<Result<SessionCreated>> => {
      calls.push(channelId);
      return Promise.resolve({ ok: true, value: { session: session({ status: 'waiting' }), invitation } });
    };
    const el = await fixture<NewSessionDialog>(
      html`<new-session-dialog .channels=${[{ id: 'ch-1', name: 'Website' }]} .create=${create}></new-session-dialog>`,
    );
    await el.show();
    await waitUntil(() => details(el)?.querySelector('.pin'), 'invitation shown');
    expect(calls).to.deep.equal(['ch-1']);
    expect(details(el)!.querySelector<HTMLInputElement>('input.link')!.value).to.equal(invitation.link);
    expect(details(el)!.querySelector('.pin')!.textContent).to.equal('482913');
    expect(el.shadowRoot!.querySelector('dialog')!.open).to.equal(true);
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Session created');
  });

  it('asks for the channel when the technician has several', async () => {
    const calls: string[] = [];
    const create = (channelId: string): Promise<Result<SessionCreated>> => {
      calls.push(channelId);
      return Promise.resolve({ ok: true, value: { session: session(), invitation } });
    };
    const channels = [
      { id: 'ch-1', name: 'Website' },
      { id: 'ch-2', name: 'Billing' },
    ];
    const el = await fixture<NewSessionDialog>(html`<new-session-dialog .channels=${channels} .create=${create}></new-session-dialog>`);
    await el.show();
    expect(calls).to.deep.equal([]);
    el.shadowRoot!.querySelector('select')!.value = 'ch-2';
    el.shadowRoot!.querySelector('form')!.requestSubmit();
    await waitUntil(() => details(el)?.querySelector('.pin'));
    expect(calls).to.deep.equal(['ch-2']);
  });

  it('renders a hostile link as text and says when the PIN was used', async () => {
    const el = await fixture<NewSessionDialog>(html`<new-session-dialog></new-session-dialog>`);
    const hostile = '<img src=x onerror="window.__pwned=1">';
    await el.showInvitation({ link: hostile, pin: null });
    await waitUntil(() => details(el)?.querySelector('input.link'));
    expect(details(el)!.querySelector<HTMLInputElement>('input.link')!.value).to.equal(hostile);
    expect(details(el)!.querySelector('img')).to.equal(null);
    expect(details(el)!.textContent).to.contain('The PIN was already used.');
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('shows why creating failed', async () => {
    const create = (): Promise<Result<SessionCreated>> =>
      Promise.resolve({ ok: false, error: 'forbidden', message: 'You are not a member of this channel.' });
    const el = await fixture<NewSessionDialog>(
      html`<new-session-dialog .channels=${[{ id: 'ch-1', name: 'Website' }]} .create=${create}></new-session-dialog>`,
    );
    await el.show();
    await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]'));
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.equal('You are not a member of this channel.');
  });
});
