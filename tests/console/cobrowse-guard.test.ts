import { expect } from '@open-wc/testing';
import { FrameAssembler } from '../../demo/console/cobrowse/frame-assembler.js';
import { dangerousAttribute, guardEvent } from '../../demo/console/cobrowse/stream-guard.js';
import type { CobrowseFrame } from '../../src/protocol/index.js';

const frame = (over: Partial<CobrowseFrame>): CobrowseFrame => ({
  sessionId: 's',
  recording: 'r1',
  batch: 0,
  part: 0,
  parts: 1,
  full: true,
  encoding: 'gzip',
  data: new Uint8Array([1]),
  ...over,
});

describe('C-4: the console reassembles batches from parts', () => {
  it('joins the parts of a batch in order and starts only at a full snapshot', () => {
    const a = new FrameAssembler();
    expect(a.add(frame({ full: false, batch: 0 }))).to.equal(null);
    expect(a.add(frame({ batch: 1, parts: 2, data: new Uint8Array([1, 2]) }))).to.equal(null);
    const whole = a.add(frame({ batch: 1, part: 1, parts: 2, data: new Uint8Array([3]) }));
    expect(whole && [...whole.bytes]).to.deep.equal([1, 2, 3]);
    expect(a.add(frame({ batch: 2, full: false }))?.batch).to.equal(2);
  });

  it('drops a batch whose first part was lost, and starts over on a new recording', () => {
    const a = new FrameAssembler();
    a.add(frame({}));
    expect(a.add(frame({ batch: 1, part: 1, parts: 2 }))).to.equal(null);
    expect(a.add(frame({ recording: 'r2', full: false, batch: 5 }))).to.equal(null);
    expect(a.add(frame({ recording: 'r2', batch: 6 }))?.recording).to.equal('r2');
  });

  it('after a lost batch, waits for the next full one (chained batches need every batch before them)', () => {
    const a = new FrameAssembler();
    expect(a.add(frame({ batch: 3 }))?.batch).to.equal(3);
    expect(a.add(frame({ batch: 4, full: false, encoding: 'chained' }))?.encoding).to.equal('chained');
    expect(a.add(frame({ batch: 6, full: false, encoding: 'chained' }))).to.equal(null);
    expect(a.add(frame({ batch: 7, full: false, encoding: 'chained' }))).to.equal(null);
    expect(a.add(frame({ batch: 8 }))?.batch).to.equal(8);
    expect(a.add(frame({ batch: 9, full: false, encoding: 'chained' }))?.batch).to.equal(9);
  });
});

describe('C-9: the stream guard cleans hostile events', () => {
  it('flags handlers, script URLs and srcdoc, and leaves ordinary attributes', () => {
    expect(dangerousAttribute('onload', 'x')).to.equal(true);
    expect(dangerousAttribute('href', ' JaVa\nscript:alert(1)')).to.equal(true);
    expect(dangerousAttribute('src', 'data:text/html,<script>')).to.equal(true);
    expect(dangerousAttribute('srcdoc', '<p>')).to.equal(true);
    expect(dangerousAttribute('href', 'https://example.com/javascript-guide')).to.equal(false);
    expect(dangerousAttribute('class', 'on')).to.equal(false);
  });

  it('makes scripts, base and object inert and keeps the rest of the snapshot', () => {
    const node = {
      type: 0,
      childNodes: [
        { type: 2, tagName: 'SCRIPT', attributes: { src: '/x.js' }, childNodes: [{ type: 3, textContent: 'alert(1)' }], id: 2 },
        { type: 2, tagName: 'base', attributes: { href: 'https://evil.test/' }, childNodes: [], id: 3 },
        { type: 2, tagName: 'meta', attributes: { 'http-equiv': 'refresh', content: '0;url=https://evil.test' }, childNodes: [], id: 4 },
        { type: 2, tagName: 'p', attributes: { onclick: 'x()', class: 'c' }, childNodes: [{ type: 3, textContent: 'kept', id: 6 }], id: 5 },
      ],
      id: 1,
    };
    const out = guardEvent({ type: 2, timestamp: 1, data: { node } });
    const json = JSON.stringify(out);
    expect(json).not.to.match(/script|evil|onclick|refresh/i);
    expect(json).to.include('kept').and.to.include('"class":"c"');
  });

  it('drops events of kinds the widget never sends and malformed ones', () => {
    expect(guardEvent({ type: 5, timestamp: 1, data: { tag: 'x' } })).to.equal(null);
    expect(guardEvent({ type: 6, timestamp: 1, data: { plugin: 'p' } })).to.equal(null);
    expect(guardEvent({ type: 3, timestamp: 1, data: { source: 9 } })).to.equal(null);
    expect(guardEvent({ type: 2, timestamp: 1, data: { node: 'x' } })).to.equal(null);
    expect(guardEvent('nonsense')).to.equal(null);
    expect(guardEvent({ type: 3, timestamp: 1, data: { source: 2, type: 1, id: 1, x: 1, y: 1 } })).to.not.equal(null);
  });
});
