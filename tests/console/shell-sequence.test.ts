import { expect } from '@open-wc/testing';
import { acceptOutput, LOST_OUTPUT } from '../../demo/console/state/shell-sequence.js';

describe('E-15: numbered shell output in the console', () => {
  it('writes each chunk once, in order; chunks sent again after a reconnect are dropped', () => {
    let last = 0;
    const written: string[] = [];
    for (const [seq, data] of [
      [1, 'a'],
      [2, 'b'],
      [2, 'b'],
      [1, 'a'],
      [3, 'c'],
    ] as const) {
      const r = acceptOutput(last, seq, data);
      last = r.lastSeq;
      if (r.text !== null) written.push(r.text);
    }
    expect(written).to.deep.equal(['a', 'b', 'c']);
    expect(last).to.equal(3);
  });

  it('marks a gap where the client’s bounded buffer lost chunks', () => {
    expect(acceptOutput(3, 7, 'x')).to.deep.equal({ lastSeq: 7, text: `${LOST_OUTPUT}x` });
  });
});
