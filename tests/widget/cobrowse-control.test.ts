import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { record } from '@rrweb/record';
import { LitElement, html as litHtml } from 'lit';
import { startCobrowse, type CobrowseHandle } from '../../src/cobrowse/cobrowse-session.js';
import { performControl } from '../../src/cobrowse/remote-control.js';
import type { CobrowseFrame } from '../../src/protocol/cobrowse.js';
import type { ControlAction } from '../../src/protocol/cobrowse-control.js';
import { CobrowseLink } from '../../src/controllers/cobrowse-link.js';
import { initialChatState } from '../../src/session/chat-state.js';
import { activeSession, permission } from './chat-fixtures.js';

/** A Lit field that keeps what its `@input` listener saw, as a component of the visitor's site would. */
class LitField extends LitElement {
  static override properties = { seen: { state: true } };
  seen = '';
  override render() {
    return litHtml`<input id="inner" @input=${(e: Event) => (this.seen = (e.target as HTMLInputElement).value)} />`;
  }
}
if (!customElements.get('lit-field')) customElements.define('lit-field', LitField);

describe('C-12, C-13: the technician acts on the visitor page through the recording', () => {
  let handle: CobrowseHandle;
  let recording: string;
  let page: HTMLElement;
  const heard: string[] = [];

  beforeEach(async () => {
    heard.length = 0;
    page = await fixture(
      html`<main>
        <button id="buy" type="button">Buy</button>
        <form id="form">
          <input id="name" name="name" />
          <input id="secret" type="password" value="hunter2" />
          <input id="login" autocomplete="current-password" />
          <textarea id="notes"></textarea>
          <button type="submit">Send</button>
        </form>
        <lit-field></lit-field>
        <div id="private" data-porthole-block><button id="hidden-button" type="button">Hidden</button></div>
        <div id="list" style="height: 60px; overflow: auto"><div style="height: 600px">long</div></div>
      </main>`,
    );
    const frames: CobrowseFrame[] = [];
    handle = startCobrowse({ sessionId: 's1', technician: 'Ada', send: (f) => frames.push(f), onStop: () => undefined });
    await waitUntil(() => frames.length > 0, 'the first snapshot was sent');
    recording = frames[0].recording;
  });

  afterEach(() => handle.stop());

  const el = <E extends Element>(selector: string, root: ParentNode = page): E => root.querySelector<E>(selector)!;
  const act = (target: Element, action: ControlAction, rec = recording) =>
    handle.control({ sessionId: 's1', recording: rec, nodeId: record.mirror.getId(target), action });
  const listen = (target: EventTarget, ...types: string[]) =>
    types.forEach((t) => target.addEventListener(t, (e) => heard.push(`${t}${e instanceof InputEvent && e.data ? `:${e.data}` : ''}`)));

  it('a click runs the page’s handler, with pointer and mouse events around it as a person’s click', async () => {
    const buy = el('#buy');
    listen(buy, 'pointerdown', 'mousedown', 'focus', 'pointerup', 'mouseup', 'click');
    expect(await act(buy, { type: 'click' })).to.deep.equal({ status: 'done' });
    expect(heard).to.deep.equal(['pointerdown', 'mousedown', 'focus', 'pointerup', 'mouseup', 'click']);
    expect(document.activeElement).to.equal(buy);
  });

  it('typing fires beforeinput and input per character through the native setter, then change on blur', async () => {
    const name = el<HTMLInputElement>('#name');
    // What React does: an own `value` property that tracks what scripts set, to tell them from user input.
    let tracked = '';
    Object.defineProperty(name, 'value', {
      configurable: true,
      get: () => Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.get!.call(name) as string,
      set: (x: string) => {
        tracked = x;
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(name, x);
      },
    });
    listen(name, 'focus', 'keydown', 'beforeinput', 'input', 'change');
    expect((await act(name, { type: 'click' })).status).to.equal('done');
    expect((await act(name, { type: 'text', text: 'Jo' })).status).to.equal('done');
    expect(name.value).to.equal('Jo');
    expect(tracked).to.equal('', 'the value went past the tracker, so a framework sees a user’s change');
    expect(heard).to.deep.equal(['focus', 'keydown', 'beforeinput:J', 'input:J', 'keydown', 'beforeinput:o', 'input:o']);
    expect((await act(el('#buy'), { type: 'click' })).status).to.equal('done');
    expect(heard.at(-1)).to.equal('change');
  });

  it('a Lit component’s @input listener sees the typed value, inside its shadow root', async () => {
    const field = el<LitField>('lit-field');
    await field.updateComplete;
    const inner = el<HTMLInputElement>('#inner', field.shadowRoot!);
    expect((await act(inner, { type: 'text', text: 'Lit!' })).status).to.equal('done');
    expect(field.seen).to.equal('Lit!');
  });

  it('Backspace deletes, Enter commits with change and submits the form through its default button', async () => {
    const name = el<HTMLInputElement>('#name');
    const form = el<HTMLFormElement>('#form');
    let submitted = false;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      submitted = true;
    });
    listen(name, 'change');
    await act(name, { type: 'text', text: 'Ann' });
    expect((await act(name, { type: 'key', key: 'Backspace' })).status).to.equal('done');
    expect(name.value).to.equal('An');
    await act(name, { type: 'key', key: 'Enter' });
    expect(heard).to.deep.equal(['change']);
    expect(submitted).to.equal(true);
  });

  it('Tab commits the field and moves the focus to the next field', async () => {
    const notes = el<HTMLTextAreaElement>('#notes');
    await act(notes, { type: 'text', text: 'a\nb' });
    expect(notes.value).to.equal('a\nb');
    listen(notes, 'change');
    await act(notes, { type: 'key', key: 'Tab' });
    expect(heard).to.deep.equal(['change']);
    expect(document.activeElement?.textContent).to.equal('Send');
  });

  it('typing into a password field is refused and changes nothing, whatever its type says now', async () => {
    const secret = el<HTMLInputElement>('#secret');
    listen(secret, 'input', 'keydown');
    expect(await act(secret, { type: 'text', text: 'x' })).to.deep.equal({ status: 'refused', reason: 'password' });
    expect(await act(secret, { type: 'key', key: 'Backspace' })).to.deep.equal({ status: 'refused', reason: 'password' });
    expect(secret.value).to.equal('hunter2');
    const login = el<HTMLInputElement>('#login');
    expect(await act(login, { type: 'text', text: 'x' })).to.deep.equal({ status: 'refused', reason: 'password' });
    expect([login.value, heard]).to.deep.equal(['', []]);
  });

  it('blocked areas, the widget, elements gone from the page and other recordings are refused', async () => {
    let clicked = false;
    el('#hidden-button').addEventListener('click', () => (clicked = true));
    // Inside a blocked area nothing has an id the technician could name; found some other way, it is refused too.
    expect(record.mirror.getId(el('#hidden-button'))).to.equal(-1);
    expect(performControl(el('#hidden-button'), { type: 'click' })).to.deep.equal({ status: 'refused', reason: 'blocked' });
    expect(await act(el('#private'), { type: 'click' })).to.deep.equal({ status: 'refused', reason: 'blocked' });
    expect(await act(document.querySelector('porthole-viewing-bar')!, { type: 'click' })).to.deep.equal({
      status: 'refused',
      reason: 'blocked',
    });
    expect(clicked).to.equal(false);
    expect(await act(el('#buy'), { type: 'text', text: 'x' })).to.deep.equal({ status: 'refused', reason: 'not_editable' });
    const buy = el('#buy');
    const id = record.mirror.getId(buy);
    buy.remove();
    expect(await handle.control({ sessionId: 's1', recording, nodeId: id, action: { type: 'click' } })).to.deep.equal({
      status: 'refused',
      reason: 'missing',
    });
    expect(await act(el('#name'), { type: 'click' }, 'other-page')).to.deep.equal({ status: 'elsewhere' });
    // A malformed command (the server validates; the page does not take its word for it) does nothing.
    const malformed = { sessionId: 's1', recording, nodeId: record.mirror.getId(el('#name')), action: { type: 'text', text: 5 } };
    expect(await handle.control(malformed)).to.deep.equal({ status: 'elsewhere' });
    expect(el<HTMLInputElement>('#name').value).to.equal('');
  });

  it('a scroll moves the nearest scrollable box', async () => {
    const list = el('#list');
    expect((await act(el('#list > div'), { type: 'scroll', dx: 0, dy: 120 })).status).to.equal('done');
    expect(list.scrollTop).to.equal(120);
  });
});

describe('C-13: the widget acts only while its own state holds the control grant', () => {
  it('refuses with not_granted once control is stopped, whatever the server passed on', async () => {
    const frames: CobrowseFrame[] = [];
    const link = new CobrowseLink({ send: (f) => Promise.resolve(frames.push(f) > 0), revoke: () => undefined });
    const view = permission({ id: 'p-view', capability: 'view', status: 'granted', sessionId: activeSession.id });
    const control = permission({ id: 'p-control', capability: 'control', status: 'granted', sessionId: activeSession.id });
    const state = { ...initialChatState, session: activeSession, permissions: [view, control] };
    const button = await fixture<HTMLButtonElement>(html`<button type="button">Go</button>`);
    let clicks = 0;
    button.addEventListener('click', () => clicks++);
    link.sync(state);
    await waitUntil(() => frames.length > 0, 'recording started');
    const command = {
      sessionId: activeSession.id,
      recording: frames[0].recording,
      nodeId: record.mirror.getId(button),
      action: { type: 'click' },
    };
    expect(await link.control(command)).to.deep.equal({ status: 'done' });
    link.sync({ ...state, permissions: [view, { ...control, status: 'revoked' }] });
    expect(await link.control(command)).to.deep.equal({ status: 'refused', reason: 'not_granted' });
    expect(clicks).to.equal(1);
    link.sync(initialChatState);
    expect(await link.control(command)).to.deep.equal({ status: 'elsewhere' });
  });
});
