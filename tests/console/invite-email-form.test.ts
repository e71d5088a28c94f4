import { expect, fixture, html } from '@open-wc/testing';
import '../../demo/console/components/invite-email-form.js';
import type { InviteEmailForm } from '../../demo/console/components/invite-email-form.js';
import { FakeCommands } from './fixtures.js';

const invitation = { link: 'https://shop.example/?porthole=abc', pin: '123456' };

describe('K-12 <invite-email-form>', () => {
  it('prefills the message with the link and the PIN, sends what the technician edited, and says where it went', async () => {
    const commands = new FakeCommands();
    const el = await fixture<InviteEmailForm>(
      html`<invite-email-form sessionId="s-1" .invitation=${invitation} .commands=${commands}></invite-email-form>`,
    );
    const root = el.shadowRoot!;
    const text = root.querySelector<HTMLTextAreaElement>('textarea')!;
    expect(text.value).to.contain(invitation.link);
    expect(text.value).to.contain('123456');
    const to = root.querySelector<HTMLInputElement>('input[name=to]')!;
    to.value = 'ann@example.com';
    to.dispatchEvent(new InputEvent('input'));
    text.value = `${text.value}\n\nSee you soon, Bob`;
    text.dispatchEvent(new InputEvent('input'));
    root.querySelector('form')!.requestSubmit();
    await el.updateComplete;
    await el.updateComplete;
    expect(commands.invited).to.have.length(1);
    expect(commands.invited[0]).to.deep.include({ sessionId: 's-1', to: 'ann@example.com', subject: 'Remote support session' });
    expect(commands.invited[0].text).to.contain('See you soon, Bob');
    expect(root.querySelector('[role=status]')!.textContent).to.contain('outbox');
  });

  it('shows nothing without an invitation', async () => {
    const el = await fixture<InviteEmailForm>(
      html`<invite-email-form sessionId="s-1" .commands=${new FakeCommands()}></invite-email-form>`,
    );
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
  });
});
