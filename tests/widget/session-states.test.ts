import { expect, waitUntil } from '@open-wc/testing';
import { $, activeSession, button, hasButton, message, mountResumed, session, unmountChats } from './chat-fixtures.js';
import { FakeSocket } from './fake-socket.js';

describe('session states', () => {
  afterEach(unmountChats);

  it('names everyone helping in the header', async () => {
    const fake = new FakeSocket();
    const chat = await mountResumed(fake, activeSession);
    expect($(chat, 'header p')!.textContent).to.equal('Alex is helping you');
    fake.push('session:updated', { ...activeSession, participants: [{ id: 't2', name: 'Sam' }] });
    await chat.updateComplete;
    expect($(chat, 'header p')!.textContent).to.equal('Alex and Sam are helping you');
    fake.push('session:updated', {
      ...activeSession,
      participants: [
        { id: 't2', name: 'Sam' },
        { id: 't3', name: 'Kim' },
      ],
    });
    await chat.updateComplete;
    expect($(chat, 'header p')!.textContent).to.equal('Alex, Sam and Kim are helping you');
  });

  it('S-4: shows that a closed conversation ended, and starting over opens a new session', async () => {
    const fake = new FakeSocket();
    const chat = await mountResumed(fake, activeSession);
    fake.push('message:created', message(1, 'Glad I could help. Bye!'));
    fake.push('session:updated', { ...activeSession, status: 'closed' });
    await chat.updateComplete;
    expect($(chat, '.ended')!.textContent).to.contain('This conversation has ended.');
    expect($(chat, 'header p')!.textContent).to.equal('Alex helped you');
    expect($(chat, 'textarea')).to.equal(null);
    // The history stays readable until the visitor moves on.
    expect($(chat, '.msg .text')!.textContent).to.equal('Glad I could help. Bye!');

    button(chat, 'Start a new conversation').click();
    await chat.updateComplete;
    expect(chat.chat.state.session).to.equal(null);
    expect($(chat, '.msg')).to.equal(null);
    expect($(chat, 'header p')!.textContent).to.equal('We usually reply in a few minutes');

    const fresh = { ...session, id: 'sess-2' };
    fake.handlers.set('session:start', () => ({ ok: true, value: { token: '', session: fresh } }));
    fake.handlers.set('message:send', (p) => ({
      ok: true,
      value: { ...message(1, 'One more question'), sessionId: 'sess-2', author: { kind: 'visitor' }, ...(p as object) },
    }));
    const sent = fake.nextEmit('message:send');
    chat.chat.send('One more question');
    expect(((await sent) as { sessionId: string }).sessionId).to.equal('sess-2');
  });

  it('says so when the session expired', async () => {
    const fake = new FakeSocket();
    const chat = await mountResumed(fake, activeSession);
    fake.push('session:updated', { ...activeSession, status: 'expired' });
    await chat.updateComplete;
    expect($(chat, '.ended')!.textContent).to.contain('period of inactivity');
    expect(hasButton(chat, 'Start a new conversation')).to.equal(true);
  });

  it('S-9: stops reconnecting when the technician disconnects the visitor; Reconnect reconnects', async () => {
    const fake = new FakeSocket();
    const chat = await mountResumed(fake, activeSession);
    fake.push('session:disconnected', {
      sessionId: activeSession.id,
      message: 'Alex ended the connection. You can reconnect when you are ready.',
    });
    await chat.updateComplete;
    expect(fake.disconnectCalls).to.equal(1);
    expect(fake.connected).to.equal(false);
    expect(chat.chat.state.connection).to.equal('stopped');
    expect($(chat, '.banner')!.textContent).to.contain('Alex ended the connection.');
    // Not the generic "Reconnecting…" line: nothing reconnects by itself.
    expect(chat.shadowRoot!.textContent).to.not.contain('Reconnecting…');

    button(chat, 'Reconnect').click();
    expect(fake.connectCalls).to.equal(1);
    await fake.serverConnect();
    await waitUntil(() => fake.sent.filter((s) => s.event === 'session:resume').length === 2, 'resumed again');
    await chat.updateComplete;
    expect($(chat, '.banner')).to.equal(null);
  });
});
