import { expect, waitUntil } from '@open-wc/testing';
import { get } from 'idb-keyval';
import { tokenKey } from '../../src/transport/visitor-token.js';
import { $, button, hasButton, mountChat, session, unmountChats } from './chat-fixtures.js';
import { FakeSocket } from './fake-socket.js';

describe('support code', () => {
  afterEach(unmountChats);

  it('S-6: shows the 9-digit code grouped, and asks again with the same page id after a reconnect', async () => {
    const fake = new FakeSocket();
    const sosSession = { ...session, origin: 'sos' as const };
    fake.handlers.set('session:resume', () => ({ ok: true, value: { session: null, messages: [], permissions: [] } }));
    fake.handlers.set('sos:code', () => ({ ok: true, value: { code: '123456789', session: sosSession, token: 'S'.repeat(43) } }));
    fake.handlers.set('messages:sync', () => ({ ok: true, value: [] }));
    const chat = await mountChat(fake);
    await fake.serverConnect();

    const asked = fake.nextEmit('sos:code');
    button(chat, 'Get a support code').click();
    const { pageId } = (await asked) as { pageId: string };
    expect(pageId).to.match(/^[A-Za-z0-9_-]{8,64}$/);
    await waitUntil(() => $(chat, '.code .digits') !== null, 'code shown');
    expect($(chat, '.code .digits')!.textContent).to.equal('123 456 789');
    expect($(chat, '.code .explain')!.textContent).to.contain('Read this code to your technician');
    expect(await get(tokenKey(chat.server, chat.channel))).to.equal('S'.repeat(43));

    fake.handlers.set('session:resume', () => ({ ok: true, value: { session: sosSession, messages: [], permissions: [] } }));
    fake.serverDisconnect();
    const again = fake.nextEmit('sos:code');
    await fake.serverConnect();
    expect(await again).to.deep.equal({ pageId });
    expect($(chat, '.code .digits')!.textContent).to.equal('123 456 789');

    button(chat, 'Hide').click();
    await chat.updateComplete;
    expect($(chat, '.code')).to.equal(null);
    expect(hasButton(chat, 'Get a support code')).to.equal(true);
  });
});
