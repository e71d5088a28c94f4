import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { $, activeSession, button, hasButton, mountResumed, permission, unmountChats } from './chat-fixtures.js';
import { FakeSocket } from './fake-socket.js';

describe('permission requests', () => {
  afterEach(unmountChats);

  it('G-1: asks to open the panel and names the technician, the organisation and the capability', async () => {
    const fake = new FakeSocket();
    const chat = await mountResumed(fake, activeSession);
    const openRequest = oneEvent(chat, 'porthole-open-request');
    fake.push('permission:requested', permission({ capability: 'control' }));
    await openRequest;
    await chat.updateComplete;
    const prompt = $(chat, '.prompt[role="dialog"]')!;
    expect(prompt.querySelector('h3')!.textContent).to.equal('Alex is asking for permission');
    expect(prompt.textContent).to.contain('Acme Support');
    expect(prompt.textContent).to.contain('click and type on this page');
    expect(prompt.querySelector('[role="timer"]')!.textContent).to.match(/Answer within [01]:\d\d/);
    // The launcher opens the panel; focus goes to the prompt, never to Allow: Enter in the middle of
    // typing must not consent.
    chat.open = true;
    await chat.updateComplete;
    expect(chat.shadowRoot!.activeElement).to.equal(prompt);
  });

  it('G-2: Allow sends allow: true and lists the capability with a Stop button', async () => {
    const fake = new FakeSocket();
    const chat = await mountResumed(fake, activeSession);
    fake.push('permission:requested', permission());
    await chat.updateComplete;
    fake.handlers.set('permission:answer', () => ({ ok: true, value: permission({ status: 'granted', answeredAt: Date.now() }) }));
    const answered = fake.nextEmit('permission:answer');
    button(chat, 'Allow').click();
    expect(await answered).to.deep.equal({ permissionId: 'perm-1', allow: true });
    await waitUntil(() => $(chat, '.prompt') === null, 'prompt closed');
    expect($(chat, '.granted li')!.textContent).to.contain('Alex can see this page');
  });

  it('G-2: Deny sends allow: false and grants nothing', async () => {
    const fake = new FakeSocket();
    const chat = await mountResumed(fake, activeSession);
    fake.push('permission:requested', permission({ capability: 'escalate' }));
    await chat.updateComplete;
    expect($(chat, '.prompt')!.textContent).to.contain('install a support app');
    fake.handlers.set('permission:answer', () => ({ ok: true, value: permission({ capability: 'escalate', status: 'denied' }) }));
    const answered = fake.nextEmit('permission:answer');
    button(chat, 'Deny').click();
    expect(await answered).to.deep.equal({ permissionId: 'perm-1', allow: false });
    await waitUntil(() => $(chat, '.prompt') === null, 'prompt closed');
    expect($(chat, '.granted')).to.equal(null);
  });

  it('G-2: closes the prompt when its time runs out, even before the server says so', async () => {
    const fake = new FakeSocket();
    const chat = await mountResumed(fake, activeSession);
    fake.push('permission:requested', permission({}, 1200));
    await chat.updateComplete;
    expect($(chat, '.prompt')).to.not.equal(null);
    await waitUntil(() => $(chat, '.prompt') === null, 'prompt gone at expiry', { timeout: 4000 });
    expect(fake.sent.some((s) => s.event === 'permission:answer')).to.equal(false);
  });

  it('G-2: closes the prompt when the server announces the request expired', async () => {
    const fake = new FakeSocket();
    const chat = await mountResumed(fake, activeSession);
    fake.push('permission:requested', permission());
    await chat.updateComplete;
    fake.push('permission:updated', permission({ status: 'expired' }));
    await chat.updateComplete;
    expect($(chat, '.prompt')).to.equal(null);
  });

  it('G-3: an answer the server refuses as too late closes the prompt and says why', async () => {
    const fake = new FakeSocket();
    const chat = await mountResumed(fake, activeSession);
    fake.push('permission:requested', permission());
    await chat.updateComplete;
    const refusal = 'This request timed out and counts as denied; the technician may ask again.';
    fake.handlers.set('permission:answer', () => ({ ok: false, error: 'expired', message: refusal }));
    button(chat, 'Allow').click();
    await waitUntil(() => $(chat, '.prompt') === null, 'prompt closed');
    expect($(chat, '.notice.problem')!.textContent).to.contain(refusal);
    expect($(chat, '.granted')).to.equal(null);
  });

  it('prompts again after a reload for a request still pending, with its own deadline', async () => {
    const fake = new FakeSocket();
    const chat = await mountResumed(fake, activeSession, [permission({ id: 'perm-9' })]);
    expect($(chat, '.prompt')!.textContent).to.contain('see this page');
  });

  it('G-4: Stop revokes a granted capability', async () => {
    const fake = new FakeSocket();
    const granted = permission({ status: 'granted', answeredAt: Date.now() });
    const chat = await mountResumed(fake, activeSession, [granted]);
    expect($(chat, '.granted li')!.textContent).to.contain('Alex can see this page');
    fake.handlers.set('permission:revoke', () => ({ ok: true, value: { ...granted, status: 'revoked' } }));
    const revoked = fake.nextEmit('permission:revoke');
    button(chat, 'Stop').click();
    expect(await revoked).to.deep.equal({ sessionId: activeSession.id, capability: 'view' });
    await waitUntil(() => !hasButton(chat, 'Stop'), 'no longer listed');
    // A replayed "granted" fact must not bring it back.
    fake.push('permission:updated', granted);
    await chat.updateComplete;
    expect($(chat, '.granted')).to.equal(null);
  });
});
