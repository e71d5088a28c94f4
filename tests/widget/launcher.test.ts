import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { set } from 'idb-keyval';
import '../../src/index.js';
import type { PortholeWidget } from '../../src/launcher/porthole-widget.js';
import { addToOutbox } from '../../src/transport/outbox.js';
import { tokenKey } from '../../src/transport/visitor-token.js';

// Nothing listens on port 9: the chat's real socket fails fast and quietly.
const SERVER = 'http://127.0.0.1:9';
let n = 0;

function mountWidget(channel = `launcher-${Date.now()}-${n++}`): PortholeWidget {
  const w = document.createElement('porthole-widget') as PortholeWidget;
  w.setAttribute('server', SERVER);
  w.setAttribute('channel', channel);
  document.body.append(w);
  return w;
}

const button = (w: PortholeWidget) => w.shadowRoot!.querySelector('button.launch') as HTMLButtonElement;

describe('<porthole-widget>', () => {
  afterEach(() => document.querySelectorAll('porthole-widget').forEach((e) => e.remove()));

  it('renders an accessible button without loading the chat', () => {
    const w = mountWidget();
    expect(button(w).getAttribute('aria-label')).to.equal('Chat with support');
    expect(button(w).getAttribute('aria-expanded')).to.equal('false');
    expect(customElements.get('porthole-chat')).to.equal(undefined);
  });

  it('loads twice without throwing or redefining', async () => {
    const first = customElements.get('porthole-widget');
    // A query string makes the browser evaluate a second copy of the module.
    await import(/* @vite-ignore */ `${new URL('../../src/index.ts', import.meta.url).href}?again`);
    expect(customElements.get('porthole-widget')).to.equal(first);
  });

  it('keeps page styles out and its own styles in', () => {
    const style = document.createElement('style');
    style.textContent = 'button { background: rgb(255, 0, 0) !important; } body { color: rgb(0, 128, 0); font-family: serif; }';
    document.head.append(style);
    const pageButton = document.createElement('button');
    pageButton.className = 'launch';
    document.body.append(pageButton);
    try {
      const w = mountWidget();
      const inside = getComputedStyle(button(w));
      expect(inside.backgroundColor).to.equal('rgb(36, 86, 214)');
      expect(getComputedStyle(w).color).to.not.equal('rgb(0, 128, 0)');
      expect(getComputedStyle(pageButton).borderRadius).to.not.equal('50%');
      expect(getComputedStyle(pageButton).width).to.not.equal('56px');
    } finally {
      style.remove();
      pageButton.remove();
    }
  });

  it('opens on click: loads the chat, shows the panel, fires porthole-open', async () => {
    const w = mountWidget();
    const opened = oneEvent(w, 'porthole-open');
    button(w).click();
    await opened;
    await customElements.whenDefined('porthole-chat');
    await waitUntil(() => w.shadowRoot!.querySelector('porthole-chat')?.hasAttribute('open'), 'chat open');
    expect(w.shadowRoot!.querySelector('.panel')!.hasAttribute('hidden')).to.equal(false);
    expect(button(w).getAttribute('aria-expanded')).to.equal('true');
    const closed = oneEvent(w, 'porthole-close');
    w.toggle();
    await closed;
    await waitUntil(() => w.shadowRoot!.querySelector('.panel')!.hasAttribute('hidden'), 'panel hidden');
    expect(w.isOpen).to.equal(false);
  });

  it('mounts the chat without interaction when a conversation is stored', async () => {
    const channel = `stored-${Date.now()}`;
    await set(tokenKey(SERVER, channel), 'S'.repeat(43));
    const w = mountWidget(channel);
    await waitUntil(() => w.shadowRoot!.querySelector('porthole-chat') !== null, 'chat mounted from stored token');
    expect(w.isOpen).to.equal(false);
    expect(w.shadowRoot!.querySelector('.panel')!.hasAttribute('hidden')).to.equal(true);
  });

  it('mounts the chat without interaction when messages wait in the outbox, to send them', async () => {
    const channel = `outbox-${Date.now()}`;
    await addToOutbox({ server: SERVER, channel }, [{ clientId: 'typed-before-reload', text: 'still here?' }]);
    const w = mountWidget(channel);
    await waitUntil(() => w.shadowRoot!.querySelector('porthole-chat') !== null, 'chat mounted from the outbox');
    expect(w.isOpen).to.equal(false);
  });

  it('opens at once when the page comes from an invitation link', async () => {
    const before = `${location.pathname}${location.search}${location.hash}`;
    history.replaceState(null, '', `${location.pathname}${location.search}&porthole=${'L'.repeat(30)}`);
    try {
      const w = mountWidget();
      expect(w.isOpen).to.equal(true);
      await waitUntil(() => w.shadowRoot!.querySelector('porthole-chat')?.hasAttribute('open'), 'chat open');
      expect(w.shadowRoot!.querySelector('.panel')!.hasAttribute('hidden')).to.equal(false);
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('opens when the chat asks for it (a permission prompt arrived)', async () => {
    const w = mountWidget();
    w.open();
    await waitUntil(() => w.shadowRoot!.querySelector('porthole-chat') !== null, 'chat mounted');
    w.close();
    await waitUntil(() => !w.isOpen, 'closed');
    const opened = oneEvent(w, 'porthole-open');
    w.shadowRoot!.querySelector('porthole-chat')!.dispatchEvent(new CustomEvent('porthole-open-request'));
    await opened;
    expect(w.isOpen).to.equal(true);
  });
});
