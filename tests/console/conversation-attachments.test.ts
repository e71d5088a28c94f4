import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import '../../demo/console/components/conversation-view.js';
import type { ConversationView } from '../../demo/console/components/conversation-view.js';
import type { AttachmentView, MessageView, Result } from '../../src/protocol/index.js';
import { alex, FakeCommands, message, session } from './fixtures.js';

const worker = setupWorker();

/** The chat, with its composer and files, lives in `<chat-panel>` inside the view. */
const chatRoot = (el: ConversationView) => el.shadowRoot!.querySelector('chat-panel')!.shadowRoot!;

const image: AttachmentView = { id: 'img-1', name: 'error.png', size: 2048, mime: 'image/png', width: 40, height: 30 };
const hostile = '<img src=x onerror="window.__pwned=1">.pdf';

/** Records what the view sends. */
class SendingCommands extends FakeCommands {
  readonly files: { sessionId: string; text: string; attachmentId?: string }[] = [];
  override send(sessionId: string, text: string, attachmentId?: string): Promise<Result<unknown>> {
    this.files.push({ sessionId, text, attachmentId });
    return Promise.resolve({ ok: true, value: null });
  }
}

async function mount(messages: MessageView[], commands = new SendingCommands()) {
  const el = await fixture<ConversationView>(
    html`<conversation-view
      .session=${session({ status: 'active' })}
      .messages=${messages}
      .viewer=${{ id: alex.id, role: 'technician' }}
      .commands=${commands}
    ></conversation-view>`,
  );
  await el.shadowRoot!.querySelector<LitElement>('chat-panel')!.updateComplete;
  return { el, commands };
}

function pick(el: ConversationView, file: File) {
  const input = chatRoot(el).querySelector<HTMLInputElement>('input[type=file]')!;
  const dt = new DataTransfer();
  dt.items.add(file);
  input.files = dt.files;
  input.dispatchEvent(new Event('change'));
}

describe('attachments in <conversation-view>', () => {
  before(() => worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledRequest: 'bypass', quiet: true }));
  after(() => worker.stop());
  afterEach(() => worker.resetHandlers());

  it('F-6, F-7, F-8: shows images inline from the download URL and other files as download links named as text', async () => {
    worker.use(http.get('/api/attachments/:id', () => new HttpResponse(null, { status: 204 })));
    const { el } = await mount([
      { ...message(1), text: '', attachment: image },
      {
        ...message(2),
        text: 'manual',
        attachment: { id: 'doc-1', name: hostile, size: 3.4 * 1024 * 1024, mime: 'application/pdf', width: null, height: null },
      },
    ]);
    const img = chatRoot(el).querySelector<HTMLImageElement>('.attachment.image img')!;
    expect(img.getAttribute('src')).to.equal('/api/attachments/img-1');
    expect(img.alt).to.equal('error.png');
    const file = chatRoot(el).querySelector<HTMLAnchorElement>('a.attachment.file')!;
    expect(file.getAttribute('href')).to.equal('/api/attachments/doc-1');
    expect(file.download).to.equal(hostile);
    expect(file.querySelector('.name')!.textContent).to.equal(hostile);
    expect(file.querySelector('.size')!.textContent).to.equal('3.4 MB');
    expect(chatRoot(el).querySelectorAll('img').length).to.equal(1);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('F-1, F-4: uploads a picked file to the session, then sends it as a reply with its attachment id', async () => {
    worker.use(http.post('/api/sessions/:id/attachments', () => HttpResponse.json({ ok: true, value: { ...image, id: 'up-1' } })));
    const { el, commands } = await mount([]);
    pick(el, new File([new Uint8Array(10)], 'fix.png', { type: 'image/png' }));
    await waitUntil(() => commands.files.length === 1, 'sent');
    expect(commands.files[0]).to.deep.equal({ sessionId: session().id, text: '', attachmentId: 'up-1' });
    await waitUntil(() => chatRoot(el).querySelector('.upload') === null, 'upload row gone');
  });

  it('F-2: a refusal stays on screen with the reason and sends nothing', async () => {
    worker.use(
      http.post('/api/sessions/:id/attachments', () =>
        HttpResponse.json({ ok: false, error: 'payload_too_large', message: 'x', details: { maxBytes: 2 * 1024 * 1024 } }, { status: 413 }),
      ),
    );
    const { el, commands } = await mount([]);
    pick(el, new File([new Uint8Array(10)], 'big.zip'));
    await waitUntil(() => chatRoot(el).querySelector('.upload.failed') !== null, 'refused');
    expect(chatRoot(el).querySelector('.upload.failed .why')!.textContent).to.equal('This file is too large: the limit is 2.0 MB.');
    expect(commands.files).to.deep.equal([]);
  });
});
