import { expect, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import type { PortholeChat } from '../../src/chat/porthole-chat.js';
import type { AttachmentView } from '../../src/protocol/attachments.js';
import { addToOutbox } from '../../src/transport/outbox.js';
import { saveToken } from '../../src/transport/visitor-token.js';
import { $, activeSession, freshChannel, message, mountChat, session, unmountChats } from './chat-fixtures.js';
import { FakeSocket } from './fake-socket.js';

const SERVER = 'http://127.0.0.1:9';
const TOKEN = 'V'.repeat(43);
// A 1×1 PNG.
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC'), (c) =>
  c.charCodeAt(0),
);

const worker = setupWorker();

const image: AttachmentView = { id: 'att-1', name: 'screen.png', size: PNG.length, mime: 'image/png', width: 1, height: 1 };

/** A chat with a visitor token, resuming the active session, whose `message:send` echoes the payload. */
async function mountWithSession(): Promise<{ chat: PortholeChat; fake: FakeSocket }> {
  const channel = freshChannel();
  await saveToken(SERVER, channel, TOKEN);
  const fake = new FakeSocket();
  fake.handlers.set('session:resume', () => ({ ok: true, value: { session: activeSession, messages: [], permissions: [] } }));
  fake.handlers.set('messages:sync', () => ({ ok: true, value: [] }));
  fake.handlers.set('message:send', (p) => {
    const { clientId, text } = p as { clientId: string; text: string };
    return { ok: true, value: { ...message(1, text, { kind: 'visitor' }), clientId, attachment: image } };
  });
  const chat = await mountChat(fake, channel);
  await fake.serverConnect();
  await waitUntil(() => chat.chat.state.session !== null, 'session resumed');
  return { chat, fake };
}

/** Picks `file` in the panel's file input, as the visitor would. */
function pick(chat: PortholeChat, file: File): void {
  const input = chat.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
  const dt = new DataTransfer();
  dt.items.add(file);
  input.files = dt.files;
  input.dispatchEvent(new Event('change'));
}

describe('attachments in the widget', () => {
  before(() => worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledRequest: 'bypass', quiet: true }));
  after(() => worker.stop());
  afterEach(() => {
    worker.resetHandlers();
    unmountChats();
  });

  it('F-1, F-4: uploads a picked file with the bearer token, shows its progress, then sends a message carrying it', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const seen: { auth: string | null; name: string | null; bytes: number }[] = [];
    worker.use(
      http.post(`${SERVER}/api/sessions/${session.id}/attachments`, async ({ request }) => {
        seen.push({
          auth: request.headers.get('authorization'),
          name: new URL(request.url).searchParams.get('name'),
          bytes: (await request.arrayBuffer()).byteLength,
        });
        await held;
        return HttpResponse.json({ ok: true, value: image });
      }),
    );
    const { chat, fake } = await mountWithSession();
    const sent = fake.nextEmit('message:send');
    pick(chat, new File([PNG], 'screen.png', { type: 'image/png' }));
    await waitUntil(() => $(chat, '.upload progress') !== null, 'progress shown');
    expect($(chat, '.upload .name')?.textContent).to.equal('screen.png');
    await waitUntil(() => seen.length === 1, 'upload arrived');
    expect(seen[0]).to.deep.equal({ auth: `Bearer ${TOKEN}`, name: 'screen.png', bytes: PNG.length });
    release();
    const payload = (await sent) as { attachmentId?: string; text: string };
    expect(payload.attachmentId).to.equal('att-1');
    expect(payload.text).to.equal('');
    await waitUntil(() => $(chat, '.upload') === null, 'upload row gone');
  });

  it('F-2: a file the server finds too large says so with the limit, and sends no message', async () => {
    worker.use(
      http.post(`${SERVER}/api/sessions/${session.id}/attachments`, () =>
        HttpResponse.json(
          { ok: false, error: 'payload_too_large', message: 'too large', details: { maxBytes: 10 * 1024 * 1024 } },
          { status: 413 },
        ),
      ),
    );
    const { chat, fake } = await mountWithSession();
    pick(chat, new File(['x'.repeat(2000)], 'huge.log', { type: 'text/plain' }));
    await waitUntil(() => $(chat, '.upload.failed') !== null, 'refusal shown');
    expect($(chat, '.upload.failed .why')?.textContent).to.equal('This file is too large: the limit is 10.0 MB.');
    expect(fake.sent.some((s) => s.event === 'message:send')).to.equal(false);
    expect(chat.chat.state.pending).to.deep.equal([]);
  });

  it('F-3: a type the server refuses says which files are accepted; Dismiss hides it', async () => {
    worker.use(
      http.post(`${SERVER}/api/sessions/${session.id}/attachments`, () =>
        HttpResponse.json({ ok: false, error: 'invalid_attachment', message: 'nope' }, { status: 415 }),
      ),
    );
    const { chat } = await mountWithSession();
    pick(chat, new File([new Uint8Array([0x7f, 0x45, 0x4c, 0x46])], 'photo.png', { type: 'image/png' }));
    await waitUntil(() => $(chat, '.upload.failed') !== null, 'refusal shown');
    expect($(chat, '.upload.failed .why')?.textContent).to.match(/cannot be sent/);
    [...chat.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Dismiss')!.click();
    await waitUntil(() => $(chat, '.upload') === null, 'dismissed');
  });

  it('F-1: Cancel stops an upload in progress and sends nothing', async () => {
    worker.use(http.post(`${SERVER}/api/sessions/${session.id}/attachments`, () => new Promise<never>(() => undefined)));
    const { chat, fake } = await mountWithSession();
    pick(chat, new File([PNG], 'slow.png', { type: 'image/png' }));
    await waitUntil(() => $(chat, '.upload progress') !== null, 'uploading');
    [...chat.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Cancel')!.click();
    await waitUntil(() => $(chat, '.upload') === null, 'cancelled');
    expect(fake.sent.some((s) => s.event === 'message:send')).to.equal(false);
  });

  it('F-4, M-1: a file message left in the outbox by a reload is sent again with its client id and attachment', async () => {
    const channel = freshChannel();
    await saveToken(SERVER, channel, TOKEN);
    await addToOutbox({ server: SERVER, channel }, [{ clientId: 'waiting-file-1', text: '', attachment: image }]);
    const fake = new FakeSocket();
    fake.handlers.set('session:resume', () => ({ ok: true, value: { session: activeSession, messages: [], permissions: [] } }));
    fake.handlers.set('messages:sync', () => ({ ok: true, value: [] }));
    const sent = fake.nextEmit('message:send');
    await mountChat(fake, channel);
    await fake.serverConnect();
    expect(await sent).to.deep.equal({ sessionId: session.id, clientId: 'waiting-file-1', text: '', attachmentId: 'att-1' });
  });

  it('F-1: a file dropped on the panel is uploaded too', async () => {
    let uploads = 0;
    worker.use(
      http.post(`${SERVER}/api/sessions/${session.id}/attachments`, () => {
        uploads++;
        return HttpResponse.json({ ok: true, value: image });
      }),
    );
    const { chat, fake } = await mountWithSession();
    const sent = fake.nextEmit('message:send');
    const dt = new DataTransfer();
    dt.items.add(new File([PNG], 'dropped.png', { type: 'image/png' }));
    chat.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    await sent;
    expect(uploads).to.equal(1);
  });

  it('F-7, F-8: an image is fetched with the bearer header and shown from a blob: URL; a file is a chip whose name is text', async () => {
    const auths: (string | null)[] = [];
    worker.use(
      http.get(`${SERVER}/api/attachments/att-9`, ({ request }) => {
        auths.push(request.headers.get('authorization'));
        return new HttpResponse(PNG, { headers: { 'content-type': 'image/png' } });
      }),
    );
    const channel = freshChannel();
    await saveToken(SERVER, channel, TOKEN);
    const hostile = '<img src=x onerror="window.__pwned=1">.pdf';
    const fake = new FakeSocket();
    fake.handlers.set('session:resume', () => ({
      ok: true,
      value: {
        session: activeSession,
        permissions: [],
        messages: [
          // An id no other test's panel may still be fetching.
          { ...message(1, ''), attachment: { ...image, id: 'att-9' } },
          {
            ...message(2, 'the manual'),
            attachment: { id: 'att-2', name: hostile, size: 1_234_567, mime: 'application/pdf', width: null, height: null },
          },
        ],
      },
    }));
    fake.handlers.set('messages:sync', () => ({ ok: true, value: [] }));
    const chat = await mountChat(fake, channel);
    await fake.serverConnect();
    await waitUntil(() => chat.shadowRoot!.querySelector<HTMLImageElement>('.attachment.image img')?.complete === true, 'preview loaded');
    const img = chat.shadowRoot!.querySelector<HTMLImageElement>('.attachment.image img')!;
    expect(img.src).to.match(/^blob:/);
    expect(img.naturalWidth).to.equal(1);
    expect(auths).to.deep.equal([`Bearer ${TOKEN}`]);
    const chip = $(chat, '.attachment.file')!;
    expect(chip.querySelector('.name')?.textContent).to.equal(hostile);
    expect(chip.querySelector('.size')?.textContent).to.equal('1.2 MB');
    expect(chat.shadowRoot!.querySelectorAll('img').length).to.equal(1);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
