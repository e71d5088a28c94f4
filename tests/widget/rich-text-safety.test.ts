import { expect } from '@open-wc/testing';
import { renderRichText } from '../../src/rich-text/render-rich-text.js';
import { sanitizeHtml } from '../../src/rich-text/sanitize.js';
import { HOSTILE, LINK_REL, pwned, resetPwned, unsafeParts } from '../support/safe-dom.js';

/** Puts `html` into a live element, as the chat does, and gives handlers and loads a moment to run. */
async function mount(html: string): Promise<HTMLElement> {
  const box = document.createElement('div');
  box.innerHTML = html;
  document.body.append(box);
  await new Promise((r) => setTimeout(r, 30));
  return box;
}

/** A small deterministic generator, so a failing random input can be found again. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('M-4 rich text: hostile input', () => {
  beforeEach(resetPwned);
  afterEach(() => document.querySelectorAll('body > div').forEach((d) => d.remove()));

  for (const [name, text] of HOSTILE) {
    it(`renders ${name} without running it or leaving anything off the allow-list`, async () => {
      const box = await mount(renderRichText(text));
      expect(unsafeParts(box)).to.deep.equal([]);
      expect(pwned()).to.equal(false);
    });

    it(`sanitizes ${name} as raw HTML too (DOMPurify is the second lock)`, async () => {
      const box = await mount(sanitizeHtml(text));
      expect(unsafeParts(box)).to.deep.equal([]);
      expect(pwned()).to.equal(false);
    });
  }

  it('shows markup people typed as the text they typed', async () => {
    const text = '<b>not bold</b> <img src=x> &amp; **bold**';
    const box = await mount(renderRichText(text));
    expect(box.textContent).to.equal('<b>not bold</b> <img src=x> &amp; bold');
    expect(box.querySelector('strong')!.textContent).to.equal('bold');
  });

  it('keeps only http(s) links, with target and rel forced, from raw HTML', async () => {
    const box = await mount(
      sanitizeHtml(
        '<a href="https://ok.example/" target="_self" rel="opener">ok</a><a href="javascript:x">js</a><a href="">empty</a>' +
          '<a href="/relative">rel</a><a href="//evil.example/">proto-relative</a><code href="https://x.example">c</code>',
      ),
    );
    const links = [...box.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://ok.example/', null, null, null, null]);
    expect(links.every((a) => a.target === '_blank' && a.rel === LINK_REL)).to.equal(true);
    expect(box.querySelector('code')!.attributes.length).to.equal(0);
  });

  it('renders 2,000 random strings of markup characters safely', async () => {
    const next = random(42);
    const alphabet = [
      '<',
      '>',
      '"',
      "'",
      '&',
      '*',
      '_',
      '`',
      '\\',
      '[',
      ']',
      '(',
      ')',
      '\n',
      ' ',
      '-',
      '1.',
      'a',
      'www.',
      'https://',
      'javascript:',
      'script',
      'img onerror=',
      '#',
    ];
    const box = document.createElement('div');
    document.body.append(box);
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 30) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      box.innerHTML = renderRichText(text);
      const bad = unsafeParts(box);
      if (bad.length > 0) expect.fail(`${JSON.stringify(text)} left ${bad.join(', ')}`);
    }
    await new Promise((r) => setTimeout(r, 30));
    expect(pwned()).to.equal(false);
  });

  it('renders a 4,000-character message full of marks quickly', () => {
    for (const text of [
      '*'.repeat(4000),
      '*a'.repeat(2000),
      '_a '.repeat(1333),
      '`a``'.repeat(1000),
      `https://a.example/${')'.repeat(3970)}`,
      `- a${'\n'.repeat(3990)}- b`,
    ]) {
      const started = performance.now();
      renderRichText(text);
      expect(performance.now() - started, text.slice(0, 12)).to.be.below(250);
    }
  });
});
