import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { record } from '@rrweb/record';
import { LitElement, html as litHtml } from 'lit';
import { startCobrowse, type CobrowseHandle } from '../../src/cobrowse/cobrowse-session.js';
import type { CobrowseFrame } from '../../src/protocol/cobrowse.js';
import type { ControlAction, ControlKey } from '../../src/protocol/cobrowse-control.js';

/** A Lit component of the visitor's site with a select, a checkbox and editable content, keeping what its listeners saw. */
class LitForm extends LitElement {
  static override properties = { chosen: { state: true }, agreed: { state: true }, written: { state: true } };
  chosen = '';
  agreed = false;
  written = '';
  override render() {
    return litHtml`<select id="size" @change=${(e: Event) => (this.chosen = (e.target as HTMLSelectElement).value)}>
        <option value="s">Small</option><option value="m">Medium</option><option value="l">Large</option>
      </select>
      <input id="agree" type="checkbox" @change=${(e: Event) => (this.agreed = (e.target as HTMLInputElement).checked)} />
      <div id="note" contenteditable="true" @input=${(e: Event) => (this.written = (e.target as HTMLElement).textContent ?? '')}></div>`;
  }
}
if (!customElements.get('lit-form')) customElements.define('lit-form', LitForm);

/**
 * What React does to a field: an own property over the prototype's (`value`, `checked`) that
 * records what scripts set, so it can tell a user's change (which goes past it) from its own.
 */
function tracker<E extends HTMLElement>(el: E, prop: 'value' | 'checked', proto: object): { set: unknown[] } {
  const native = Object.getOwnPropertyDescriptor(proto, prop)!;
  const seen = { set: [] as unknown[] };
  Object.defineProperty(el, prop, {
    configurable: true,
    get: () => native.get!.call(el) as unknown,
    set: (x: unknown) => {
      seen.set.push(x);
      native.set!.call(el, x);
    },
  });
  return seen;
}

describe('C-13: the technician chooses options, types into editable content, presses caret keys and Space', () => {
  let handle: CobrowseHandle;
  let recording: string;
  let page: HTMLElement;
  const heard: string[] = [];

  beforeEach(async () => {
    heard.length = 0;
    page = await fixture(
      html`<main>
        <select id="fruit">
          <option>Apple</option>
          <option>Banana</option>
          <option disabled>Cherry</option>
          <optgroup label="Later" disabled><option>Date</option></optgroup>
          <option>Elderberry</option>
        </select>
        <select id="toppings" multiple>
          <option>Nuts</option>
          <option selected>Cream</option>
          <option>Sauce</option>
        </select>
        <select id="off" disabled>
          <option>Only</option>
        </select>
        <input id="name" value="Ac" />
        <textarea id="notes"></textarea>
        <input id="secret" type="password" />
        <div id="editor" contenteditable="true"><p id="first">Hello</p></div>
        <label><input id="agree" type="checkbox" /> Agree</label>
        <input type="radio" name="plan" id="basic" checked /><input type="radio" name="plan" id="pro" />
        <button id="go" type="button">Go</button>
        <div data-porthole-block>
          <select id="hidden-select">
            <option>A</option>
            <option>B</option>
          </select>
          <div id="hidden-editor" contenteditable="true">Private</div>
        </div>
        <div id="list" style="height: 60px; overflow: auto"><div id="row" style="height: 600px">long</div></div>
        <lit-form></lit-form>
      </main>`,
    );
    const frames: CobrowseFrame[] = [];
    handle = startCobrowse({ sessionId: 's1', technician: 'Ada', send: (f) => frames.push(f), onStop: () => undefined });
    await waitUntil(() => frames.length > 0, 'the first snapshot was sent');
    recording = frames[0].recording;
  });

  afterEach(() => handle.stop());

  const el = <E extends Element>(selector: string, root: ParentNode = page): E => root.querySelector<E>(selector)!;
  const act = (target: Element, action: ControlAction) =>
    handle.control({ sessionId: 's1', recording, nodeId: record.mirror.getId(target), action });
  const press = (target: Element, key: ControlKey) => act(target, { type: 'key', key });
  const listen = (target: EventTarget, ...types: string[]) =>
    types.forEach((t) =>
      target.addEventListener(t, (e) => {
        const detail =
          e instanceof InputEvent ? `:${e.inputType}${e.data ? `:${e.data}` : ''}` : e instanceof KeyboardEvent ? `:${e.key}` : '';
        heard.push(`${t}${detail}`);
      }),
    );

  describe('<select>', () => {
    it('a single select takes the option by index, past a value tracker, with focus, input and change', async () => {
      const fruit = el<HTMLSelectElement>('#fruit');
      const tracked = tracker(fruit, 'value', HTMLSelectElement.prototype);
      listen(fruit, 'focus', 'input', 'change');
      expect(await act(fruit, { type: 'select', options: [1] })).to.deep.equal({ status: 'done' });
      expect(fruit.value).to.equal('Banana');
      expect(heard).to.deep.equal(['focus', 'input', 'change']);
      expect(tracked.set).to.deep.equal([], 'no script set the value: a framework sees the visitor’s own change');
      // The same choice again changes nothing, so nothing fires (as in the browser).
      expect(await act(fruit, { type: 'select', options: [1] })).to.deep.equal({ status: 'done' });
      expect(heard).to.have.length(3);
    });

    it('a multiple select is left with exactly the indexes chosen, none included', async () => {
      const toppings = el<HTMLSelectElement>('#toppings');
      listen(toppings, 'input', 'change');
      expect((await act(toppings, { type: 'select', options: [0, 2] })).status).to.equal('done');
      expect(Array.from(toppings.selectedOptions, (o) => o.text)).to.deep.equal(['Nuts', 'Sauce']);
      expect((await act(toppings, { type: 'select', options: [] })).status).to.equal('done');
      expect(toppings.selectedOptions.length).to.equal(0);
      expect(heard).to.deep.equal(['input', 'change', 'input', 'change']);
    });

    it('indexes that are not there, disabled, or several for a single select are refused and change nothing', async () => {
      const fruit = el<HTMLSelectElement>('#fruit');
      listen(fruit, 'input', 'change');
      const refused = (reason: string) => ({ status: 'refused', reason });
      expect(await act(fruit, { type: 'select', options: [5] })).to.deep.equal(refused('bad_option'));
      expect(await act(fruit, { type: 'select', options: [2] })).to.deep.equal(refused('bad_option'), 'a disabled option');
      expect(await act(fruit, { type: 'select', options: [3] })).to.deep.equal(refused('bad_option'), 'in a disabled group');
      expect(await act(fruit, { type: 'select', options: [0, 1] })).to.deep.equal(refused('bad_option'));
      expect(await act(fruit, { type: 'select', options: [] })).to.deep.equal(refused('bad_option'));
      expect(await act(el('#off'), { type: 'select', options: [0] })).to.deep.equal(refused('not_select'));
      expect(await act(el('#go'), { type: 'select', options: [0] })).to.deep.equal(refused('not_select'));
      expect(await act(el('#hidden-select').parentElement!, { type: 'select', options: [1] })).to.deep.equal(refused('blocked'));
      expect([fruit.selectedIndex, heard]).to.deep.equal([0, []]);
    });

    it('a Lit component’s @change listener sees the option chosen inside its shadow root', async () => {
      const form = el<LitForm>('lit-form');
      await form.updateComplete;
      expect((await act(el('#size', form.shadowRoot!), { type: 'select', options: [2] })).status).to.equal('done');
      expect(form.chosen).to.equal('l');
    });

    it('arrow keys and Home, End step a focused single select over disabled options, with input and change', async () => {
      const fruit = el<HTMLSelectElement>('#fruit');
      listen(fruit, 'keydown', 'input', 'change', 'keyup');
      await press(fruit, 'ArrowDown');
      expect(fruit.selectedIndex).to.equal(1);
      await press(fruit, 'ArrowDown');
      expect(fruit.value).to.equal('Elderberry', 'Cherry and the disabled group are skipped');
      await press(fruit, 'Home');
      expect(fruit.selectedIndex).to.equal(0);
      await press(fruit, 'ArrowUp');
      expect(fruit.selectedIndex).to.equal(0);
      expect(heard.slice(0, 4)).to.deep.equal(['keydown:ArrowDown', 'input', 'change', 'keyup:ArrowDown']);
      expect(heard.at(-2)).to.equal('keydown:ArrowUp', 'nothing to step to: no change');
    });
  });

  describe('contenteditable', () => {
    it('a click puts the caret at the end; typing is keydown, beforeinput and input of insertText at the caret', async () => {
      const editor = el<HTMLElement>('#editor');
      listen(editor, 'keydown', 'beforeinput', 'input', 'keyup');
      expect((await act(el('#first'), { type: 'click' })).status).to.equal('done');
      expect(document.activeElement).to.equal(editor);
      expect(await act(el('#first'), { type: 'text', text: ' you' })).to.deep.equal({ status: 'done' });
      expect(el('#first').textContent).to.equal('Hello you');
      expect(heard.slice(0, 4)).to.deep.equal(['keydown: ', 'beforeinput:insertText: ', 'input:insertText: ', 'keyup: ']);
      expect(heard.filter((h) => h.startsWith('input'))).to.have.length(4);
    });

    it('Backspace, Delete, Enter and Space edit at the caret with their input types', async () => {
      const editor = el<HTMLElement>('#editor');
      await act(el('#first'), { type: 'click' });
      listen(editor, 'beforeinput', 'input');
      await press(editor, 'Backspace');
      expect(el('#first').textContent).to.equal('Hell');
      await press(editor, 'ArrowLeft');
      await press(editor, 'ArrowLeft');
      await press(editor, 'Delete');
      await press(editor, 'Space');
      expect(el('#first').textContent).to.equal('He l');
      await press(editor, 'Enter');
      expect(editor.children.length).to.equal(2, 'a new paragraph');
      expect(heard.filter((h) => h.startsWith('input'))).to.deep.equal([
        'input:deleteContentBackward',
        'input:deleteContentForward',
        'input:insertText: ',
        'input:insertParagraph',
      ]);
    });

    it('an editor that takes over beforeinput (cancels it) gets the events, and the page is left to it', async () => {
      const editor = el<HTMLElement>('#editor');
      editor.addEventListener('beforeinput', (e) => e.preventDefault());
      listen(editor, 'beforeinput', 'input');
      expect((await act(editor, { type: 'text', text: 'x' })).status).to.equal('done');
      expect(editor.textContent).to.equal('Hello');
      expect(heard).to.deep.equal(['beforeinput:insertText:x']);
    });

    it('Home, End and the arrows move the caret; typing goes where it is', async () => {
      const first = el('#first');
      await act(first, { type: 'click' });
      await press(first, 'Home');
      await act(first, { type: 'text', text: '>' });
      await press(first, 'End');
      await press(first, 'ArrowLeft');
      await act(first, { type: 'text', text: '_' });
      expect(first.textContent).to.equal('>Hell_o');
    });

    it('a Lit component’s @input listener sees what was typed into its editable content', async () => {
      const form = el<LitForm>('lit-form');
      await form.updateComplete;
      const note = el<HTMLElement>('#note', form.shadowRoot!);
      expect((await act(note, { type: 'click' })).status).to.equal('done');
      expect((await act(note, { type: 'text', text: 'Hi Lit' })).status).to.equal('done');
      await press(note, 'ArrowLeft');
      await press(note, 'Backspace');
      expect(form.written).to.equal('Hi Lt');
    });

    it('editable content in a blocked area, and the widget, are refused and left alone', async () => {
      const hidden = el<HTMLElement>('#hidden-editor');
      listen(hidden, 'keydown', 'beforeinput', 'input');
      expect(await act(hidden.parentElement!, { type: 'text', text: 'x' })).to.deep.equal({ status: 'refused', reason: 'blocked' });
      expect(await act(document.querySelector('porthole-viewing-bar')!, { type: 'key', key: 'Space' })).to.deep.equal({
        status: 'refused',
        reason: 'blocked',
      });
      expect([hidden.textContent, heard]).to.deep.equal(['Private', []]);
    });
  });

  describe('caret keys and Space in fields, on controls, elsewhere', () => {
    it('arrows, Home and End move the caret in a field, so typing goes there; key events are seen', async () => {
      const name = el<HTMLInputElement>('#name');
      const tracked = tracker(name, 'value', HTMLInputElement.prototype);
      listen(name, 'keydown', 'keyup');
      await act(name, { type: 'click' });
      await press(name, 'ArrowLeft');
      await act(name, { type: 'text', text: 'b' });
      await press(name, 'Home');
      await act(name, { type: 'text', text: '[' });
      await press(name, 'End');
      await act(name, { type: 'text', text: ']' });
      expect(name.value).to.equal('[Abc]');
      expect(tracked.set).to.deep.equal([]);
      expect(heard.slice(0, 2)).to.deep.equal(['keydown:ArrowLeft', 'keyup:ArrowLeft']);
    });

    it('up and down keep the column between the lines of a textarea; a cancelled keydown moves nothing', async () => {
      const notes = el<HTMLTextAreaElement>('#notes');
      await act(notes, { type: 'text', text: 'abcd\nef\nghij' });
      await press(notes, 'ArrowUp');
      expect(notes.selectionStart).to.equal(7, 'the end of the shorter line');
      await press(notes, 'ArrowUp');
      expect(notes.selectionStart).to.equal(2);
      await press(notes, 'ArrowDown');
      await press(notes, 'ArrowDown');
      expect(notes.selectionStart).to.equal(10);
      await press(notes, 'PageUp');
      expect(notes.selectionStart).to.equal(0);
      notes.addEventListener('keydown', (e) => e.preventDefault());
      await press(notes, 'End');
      expect(notes.selectionStart).to.equal(0);
    });

    it('Space types a space in a field through beforeinput and input, and is refused in a password field', async () => {
      const name = el<HTMLInputElement>('#name');
      await act(name, { type: 'click' });
      listen(name, 'beforeinput', 'input');
      await press(name, 'Space');
      expect(name.value).to.equal('Ac ');
      expect(heard).to.deep.equal(['beforeinput:insertText: ', 'input:insertText: ']);
      expect(await press(el('#secret'), 'Space')).to.deep.equal({ status: 'refused', reason: 'password' });
      expect(el<HTMLInputElement>('#secret').value).to.equal('');
    });

    it('Space toggles a checkbox and presses a button after keyup, as the browser does; unless keydown is cancelled', async () => {
      const agree = el<HTMLInputElement>('#agree');
      const tracked = tracker(agree, 'checked', HTMLInputElement.prototype);
      listen(agree, 'keydown', 'keyup', 'click', 'input', 'change');
      await act(agree, { type: 'click' });
      heard.length = 0;
      await press(agree, 'Space');
      expect(agree.checked).to.equal(false, 'the click checked it, Space unchecked it');
      expect(heard).to.deep.equal(['keydown: ', 'keyup: ', 'click', 'input', 'change']);
      expect(tracked.set).to.deep.equal([]);
      let pressed = 0;
      el('#go').addEventListener('click', () => pressed++);
      await press(el('#go'), 'Space');
      expect(pressed).to.equal(1);
      el('#go').addEventListener('keydown', (e) => e.preventDefault());
      await press(el('#go'), 'Space');
      expect(pressed).to.equal(1);
    });

    it('PageDown, the arrows and End scroll the nearest scrollable box of what is not a field', async () => {
      const list = el('#list');
      await press(el('#row'), 'ArrowDown');
      expect(list.scrollTop).to.equal(40);
      await press(el('#row'), 'PageDown');
      expect(list.scrollTop).to.be.closeTo(40 + 60 * 0.875, 1);
      await press(el('#row'), 'End');
      expect(list.scrollTop).to.equal(list.scrollHeight - list.clientHeight);
      await press(el('#row'), 'Home');
      expect(list.scrollTop).to.equal(0);
    });
  });

  describe('checkboxes and radios by click', () => {
    it('a click toggles a checkbox past a checked tracker, with click, input and change; on its label too', async () => {
      const agree = el<HTMLInputElement>('#agree');
      const tracked = tracker(agree, 'checked', HTMLInputElement.prototype);
      listen(agree, 'click', 'input', 'change');
      expect((await act(agree, { type: 'click' })).status).to.equal('done');
      expect(agree.checked).to.equal(true);
      expect(heard).to.deep.equal(['click', 'input', 'change']);
      expect((await act(agree.parentElement!, { type: 'click' })).status).to.equal('done');
      expect(agree.checked).to.equal(false, 'the label passes the click on');
      expect(tracked.set).to.deep.equal([]);
    });

    it('a click on a radio checks it and unchecks the others of its group, with change', async () => {
      listen(el('#pro'), 'change');
      await act(el('#pro'), { type: 'click' });
      expect([el<HTMLInputElement>('#pro').checked, el<HTMLInputElement>('#basic').checked]).to.deep.equal([true, false]);
      expect(heard).to.deep.equal(['change']);
    });

    it('a Lit component’s @change listener sees its checkbox clicked', async () => {
      const form = el<LitForm>('lit-form');
      await form.updateComplete;
      await act(el('#agree', form.shadowRoot!), { type: 'click' });
      expect(form.agreed).to.equal(true);
    });
  });
});
