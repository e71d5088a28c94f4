import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { actionOfKey } from '../../demo/console/cobrowse/control-keys.js';
import { ControlQueue } from '../../demo/console/cobrowse/control-queue.js';
import { replayedSelect, takesText } from '../../demo/console/cobrowse/replayed-element.js';
import '../../demo/console/components/option-picker.js';
import type { OptionPicker, PickEvent } from '../../demo/console/components/option-picker.js';
import { fail, ok, type ControlAction, type ControlOutcome, type Result } from '../../src/protocol/index.js';

/** A send whose answers the test releases one by one. */
function heldSend() {
  const sent: { nodeId: number; action: ControlAction }[] = [];
  const answers: ((r: Result<ControlOutcome>) => void)[] = [];
  const send = (nodeId: number, action: ControlAction) => {
    sent.push({ nodeId, action });
    return new Promise<Result<ControlOutcome>>((resolve) => answers.push(resolve));
  };
  return { sent, answers, send };
}

describe('C-12: the console sends control commands one at a time, merging what piles up', () => {
  it('waits for each answer; typing and scrolling meanwhile leave as one command each', async () => {
    const { sent, answers, send } = heldSend();
    const reports: (string | null)[] = [];
    const queue = new ControlQueue(send, (r) => reports.push(r));
    queue.push(5, { type: 'click' });
    for (const ch of 'hello') queue.push(5, { type: 'text', text: ch });
    queue.push(9, { type: 'scroll', dx: 0, dy: 40 });
    queue.push(9, { type: 'scroll', dx: 10, dy: 60 });
    expect(sent.length).to.equal(1);
    answers[0](ok({ status: 'done' }));
    await waitUntil(() => sent.length === 2, 'the text left');
    expect(sent[1]).to.deep.equal({ nodeId: 5, action: { type: 'text', text: 'hello' } });
    answers[1](ok({ status: 'refused', reason: 'password' }));
    await waitUntil(() => sent.length === 3, 'the scroll left');
    expect(sent[2]).to.deep.equal({ nodeId: 9, action: { type: 'scroll', dx: 10, dy: 100 } });
    answers[2](fail('forbidden', 'The visitor has not allowed control of their page.'));
    await waitUntil(() => queue.idle, 'all answered');
    expect(reports).to.deep.equal([null, 'Refused: password field', 'The visitor has not allowed control of their page.']);
  });

  it('clear drops what has not left', async () => {
    const { sent, answers, send } = heldSend();
    const queue = new ControlQueue(send, () => undefined);
    queue.push(1, { type: 'click' });
    queue.push(2, { type: 'click' });
    queue.clear();
    answers[0](ok({ status: 'done' }));
    await waitUntil(() => queue.idle, 'the first was answered');
    expect(sent.length).to.equal(1);
  });
});

describe('C-12: which keys go to the visitor page', () => {
  const key = (k: string, mods: Partial<KeyboardEvent> = {}, typing = true) =>
    actionOfKey({ key: k, ctrlKey: false, metaKey: false, altKey: false, isComposing: false, ...mods }, typing);

  it('characters as text, Enter, Tab and the edit keys as keys; shortcuts and other keys stay', () => {
    expect(key('a')).to.deep.equal({ type: 'text', text: 'a' });
    expect(key('é')).to.deep.equal({ type: 'text', text: 'é' });
    expect(key('Tab')).to.deep.equal({ type: 'key', key: 'Tab' });
    expect(key('Backspace')).to.deep.equal({ type: 'key', key: 'Backspace' });
    expect(key('c', { ctrlKey: true })).to.equal(null);
    expect(key('F5')).to.equal(null);
    expect(key('Shift')).to.equal(null);
  });

  it('the caret keys go as keys; a space is text where typing goes and the Space key elsewhere', () => {
    for (const k of ['ArrowLeft', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']) expect(key(k)).to.deep.equal({ type: 'key', key: k });
    expect(key(' ')).to.deep.equal({ type: 'text', text: ' ' });
    expect(key(' ', {}, false)).to.deep.equal({ type: 'key', key: 'Space' });
    expect(key('Space')).to.equal(null, 'no key is called that');
  });
});

describe('C-12: what the console reads of the replayed element', () => {
  it('tells what takes typing, and lists a select’s options by position, as the replay shows them', async () => {
    const page = await fixture<HTMLElement>(
      html`<div>
        <input id="t" /><input id="c" type="checkbox" /><textarea id="a"></textarea>
        <div id="e" contenteditable="true"><b id="inner">x</b></div>
        <select id="s" multiple>
          <option>****</option>
          <option selected>Two</option>
          <optgroup label="g" disabled><option>Three</option></optgroup>
        </select>
      </div>`,
    );
    const $ = (id: string) => page.querySelector(`#${id}`);
    expect(['t', 'c', 'a', 'e', 'inner', 's'].map((id) => takesText($(id)))).to.deep.equal([true, false, true, true, true, false]);
    expect(takesText(null)).to.equal(false);
    const select = replayedSelect($('s')!.querySelector('option'));
    expect(select?.select).to.equal($('s'));
    expect(select?.multiple).to.equal(true);
    expect(select?.options).to.deep.equal([
      { label: '****', disabled: false, selected: false },
      { label: 'Two', disabled: false, selected: true },
      { label: 'Three', disabled: true, selected: false },
    ]);
    expect(replayedSelect($('t'))).to.equal(null);
  });
});

describe('C-12: the option picker', () => {
  const options = [
    { label: '********', disabled: false, selected: true },
    { label: '********', disabled: true, selected: false },
    { label: '********', disabled: false, selected: false },
  ];

  it('a single select: a click on an option picks its index; disabled ones cannot be picked; labels are numbered', async () => {
    const picker = await fixture<OptionPicker>(html`<option-picker .options=${options}></option-picker>`);
    const buttons = [...picker.shadowRoot!.querySelectorAll<HTMLButtonElement>('.option')];
    expect(buttons.map((b) => b.textContent.replace(/\s+/g, ' ').trim())).to.deep.equal(['1. ********', '2. ********', '3. ********']);
    expect(buttons.map((b) => b.disabled)).to.deep.equal([false, true, false]);
    expect(picker.shadowRoot!.querySelector('.hint')?.textContent).to.include('hidden from you');
    expect(picker.shadowRoot!.activeElement).to.equal(buttons[0], 'the chosen option has the focus');
    setTimeout(() => buttons[2].click());
    const picked = await oneEvent<PickEvent>(picker, 'pick');
    expect(picked.detail.indexes).to.deep.equal([2]);
  });

  it('a multiple select: ticks from what the replay shows, then Choose sends them in order', async () => {
    const picker = await fixture<OptionPicker>(html`<option-picker multiple .options=${options}></option-picker>`);
    const buttons = [...picker.shadowRoot!.querySelectorAll<HTMLButtonElement>('.option')];
    buttons[2].click();
    buttons[0].click();
    buttons[0].click();
    await picker.updateComplete;
    expect(buttons.map((b) => b.getAttribute('aria-selected'))).to.deep.equal(['true', 'false', 'true']);
    setTimeout(() => picker.shadowRoot!.querySelector<HTMLButtonElement>('button.choose')!.click());
    expect((await oneEvent<PickEvent>(picker, 'pick')).detail.indexes).to.deep.equal([0, 2]);
  });

  it('Escape cancels, and no key in it reaches the live view around it', async () => {
    const outer = await fixture<HTMLElement>(html`<div><option-picker .options=${options}></option-picker></div>`);
    const picker = outer.querySelector<OptionPicker>('option-picker')!;
    let reached = 0;
    outer.addEventListener('keydown', () => reached++);
    setTimeout(() =>
      picker
        .shadowRoot!.querySelector('.option')!
        .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true })),
    );
    await oneEvent(picker, 'cancel');
    expect(reached).to.equal(0);
  });
});
