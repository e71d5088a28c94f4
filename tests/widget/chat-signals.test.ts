import { expect, waitUntil } from '@open-wc/testing';
import { $, activeSession, message, mountResumed, unmountChats } from './chat-fixtures.js';
import { FakeSocket } from './fake-socket.js';

const alex = { kind: 'technician' as const, id: 't1', name: 'Alex' };

describe('chat signals: typing and receipts', () => {
  afterEach(unmountChats);

  it("Y-1: shows the technician's typing and drops it when their message arrives", async () => {
    const fake = new FakeSocket();
    const chat = await mountResumed(fake, activeSession);
    fake.push('typing:changed', { sessionId: activeSession.id, who: alex, typing: true });
    await chat.updateComplete;
    expect($(chat, '.typing')?.textContent).to.contain('Alex is typing');
    fake.push('message:created', message(1, 'Here is the fix'));
    await chat.updateComplete;
    expect($(chat, '.typing')).to.equal(null);
  });

  it('Y-1: ignores typing of another session and clears on a stop signal', async () => {
    const fake = new FakeSocket();
    const chat = await mountResumed(fake, activeSession);
    fake.push('typing:changed', { sessionId: 'other', who: alex, typing: true });
    await chat.updateComplete;
    expect($(chat, '.typing')).to.equal(null);
    fake.push('typing:changed', { sessionId: activeSession.id, who: alex, typing: true });
    fake.push('typing:changed', { sessionId: activeSession.id, who: alex, typing: false });
    await chat.updateComplete;
    expect($(chat, '.typing')).to.equal(null);
  });

  it('Y-1: sends typing once while the visitor types, and stops it when the message is sent', async () => {
    const fake = new FakeSocket();
    fake.handlers.set('typing:set', () => ({ ok: true, value: null }));
    fake.handlers.set('message:send', (p) => ({
      ok: true,
      value: { ...message(1, 'hi', { kind: 'visitor' }), clientId: (p as { clientId: string }).clientId },
    }));
    const chat = await mountResumed(fake, activeSession);
    const box = $(chat, 'textarea') as HTMLTextAreaElement;
    for (const text of ['h', 'hi']) {
      box.value = text;
      box.dispatchEvent(new InputEvent('input'));
    }
    const typing = fake.sent.filter((e) => e.event === 'typing:set');
    expect(typing.map((e) => e.payload)).to.deep.equal([{ sessionId: activeSession.id, typing: true }]);
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await waitUntil(() => fake.sent.filter((e) => e.event === 'typing:set').length === 2, 'typing stopped');
    expect(fake.sent.filter((e) => e.event === 'typing:set')[1].payload).to.deep.equal({ sessionId: activeSession.id, typing: false });
  });

  it("D-1: reports the technician's message delivered, then read once the panel is open", async () => {
    const fake = new FakeSocket();
    fake.handlers.set('messages:seen', () => ({ ok: true, value: null }));
    const chat = await mountResumed(fake, activeSession);
    const seen = fake.nextEmit('messages:seen');
    fake.push('message:created', message(1, 'Hello'));
    expect(await seen).to.deep.equal({ sessionId: activeSession.id, delivered: 1, read: 0 });
    const read = fake.nextEmit('messages:seen');
    chat.open = true;
    expect(await read).to.deep.equal({ sessionId: activeSession.id, delivered: 1, read: 1 });
  });

  it('D-1: shows Sent, Delivered, then Read under the last visitor message, never going back', async () => {
    const fake = new FakeSocket();
    const chat = await mountResumed(fake, activeSession);
    fake.push('message:created', message(1, 'My printer', { kind: 'visitor' }));
    await chat.updateComplete;
    expect($(chat, '.receipt')?.textContent).to.equal('Sent');
    fake.push('receipt:updated', { sessionId: activeSession.id, side: 'technicians', deliveredSeq: 1, readSeq: 0 });
    await chat.updateComplete;
    expect($(chat, '.receipt')?.textContent).to.equal('Delivered');
    fake.push('receipt:updated', { sessionId: activeSession.id, side: 'technicians', deliveredSeq: 1, readSeq: 1 });
    fake.push('receipt:updated', { sessionId: activeSession.id, side: 'technicians', deliveredSeq: 0, readSeq: 0 });
    await chat.updateComplete;
    expect($(chat, '.receipt')?.textContent).to.equal('Read');
    fake.push('message:created', message(2, 'still broken', { kind: 'visitor' }));
    await chat.updateComplete;
    expect(chat.shadowRoot!.querySelectorAll('.receipt').length).to.equal(1);
    expect($(chat, '.receipt')?.textContent).to.equal('Sent', 'the newest message is not read yet');
  });
});
