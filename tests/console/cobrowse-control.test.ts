import { expect, waitUntil } from '@open-wc/testing';
import { actionOfKey } from '../../demo/console/cobrowse/control-keys.js';
import { ControlQueue } from '../../demo/console/cobrowse/control-queue.js';
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
  const key = (k: string, mods: Partial<KeyboardEvent> = {}) =>
    actionOfKey({ key: k, ctrlKey: false, metaKey: false, altKey: false, isComposing: false, ...mods });

  it('characters as text, Enter, Tab and the edit keys as keys; shortcuts and other keys stay', () => {
    expect(key('a')).to.deep.equal({ type: 'text', text: 'a' });
    expect(key('é')).to.deep.equal({ type: 'text', text: 'é' });
    expect(key('Tab')).to.deep.equal({ type: 'key', key: 'Tab' });
    expect(key('Backspace')).to.deep.equal({ type: 'key', key: 'Backspace' });
    expect(key('c', { ctrlKey: true })).to.equal(null);
    expect(key('F5')).to.equal(null);
    expect(key('Shift')).to.equal(null);
  });
});
