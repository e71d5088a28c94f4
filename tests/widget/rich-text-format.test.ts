import { expect } from '@open-wc/testing';
import { findLinkAt } from '../../src/rich-text/autolink.js';
import { escapeHtml } from '../../src/rich-text/escape-html.js';
import { markdownToHtml } from '../../src/rich-text/markdown.js';
import { needsRichText } from '../../src/rich-text/needs-rich-text.js';
import { renderRichText } from '../../src/rich-text/render-rich-text.js';
import { LINK_REL } from '../support/safe-dom.js';

const a = (href: string, text = href) => `<a href="${href}">${text}</a>`;

/** [what, message text, HTML the parser writes]. */
const FORMATTING: readonly (readonly [string, string, string])[] = [
  ['bold', 'a **b** c', '<p>a <strong>b</strong> c</p>'],
  ['italic with *', 'a *b* c', '<p>a <em>b</em> c</p>'],
  ['italic with _', 'a _b_ c', '<p>a <em>b</em> c</p>'],
  ['bold with __', '__b__', '<p><strong>b</strong></p>'],
  ['bold italic', '***b***', '<p><em><strong>b</strong></em></p>'],
  ['nested', '*a **b** c* and **a *b* c**', '<p><em>a <strong>b</strong> c</em> and <strong>a <em>b</em> c</strong></p>'],
  ['unclosed marks print as typed', '**unclosed *em', '<p>**unclosed *em</p>'],
  // CommonMark's own answer: odd, but the tags nest.
  ['crossing marks still nest', '**a *b** c*', '<p><em><em>a <em>b</em></em> c</em></p>'],
  ['marks need a word next to them', 'a * b * c and 2 ** 3', '<p>a * b * c and 2 ** 3</p>'],
  ['underscores inside words stay', 'snake_case_name and __init__.py', '<p>snake_case_name and <strong>init</strong>.py</p>'],
  ['escaped marks', '\\*not em\\* and \\_x\\_', '<p>*not em* and _x_</p>'],
  ['other backslashes stay', 'C:\\Users\\me \\d', '<p>C:\\Users\\me \\d</p>'],
  ['inline code is literal', 'run `npm i **x** <b>` now', '<p>run <code>npm i **x** &lt;b&gt;</code> now</p>'],
  ['code with a backtick inside', '``a ` b``', '<p><code>a ` b</code></p>'],
  ['unclosed backtick', 'a ` b', '<p>a ` b</p>'],
  ['fenced code', '```js\nif (a < b) **x**\n```\nafter', '<pre><code>if (a &lt; b) **x**</code></pre><p>after</p>'],
  ['unclosed fence runs to the end', '```\ncode', '<pre><code>code</code></pre>'],
  ['line breaks', 'one\ntwo\r\nthree', '<p>one<br>two<br>three</p>'],
  ['paragraphs', 'one\n\n\ntwo', '<p>one</p><p>two</p>'],
  [
    'bullet list after a sentence',
    'Try:\n- one\n* **two**\n+ three',
    '<p>Try:</p><ul><li>one</li><li><strong>two</strong></li><li>three</li></ul>',
  ],
  ['numbered list', '1. one\n2) two\n\n3. three', '<ol><li>one</li><li>two</li><li>three</li></ol>'],
  ['a number not at 1 is a sentence', '3. is my answer', '<p>3. is my answer</p>'],
  ['item continued on an indented line', '- one\n  more\nafter', '<ul><li>one<br>more</li></ul><p>after</p>'],
  ['bullet then numbers make two lists', '- a\n1. b', '<ul><li>a</li></ul><ol><li>b</li></ol>'],
  ['link', 'see https://example.com/a_b?x=1&y=2.', `<p>see ${a('https://example.com/a_b?x=1&amp;y=2')}.</p>`],
  ['www link as https', 'www.example.com, ok', `<p>${a('https://www.example.com/', 'www.example.com')}, ok</p>`],
  ['balanced parentheses stay', '(https://en.wikipedia.org/wiki/A_(b))', `<p>(${a('https://en.wikipedia.org/wiki/A_(b)')})</p>`],
  ['link in bold', '**https://x.example/p**', `<p><strong>${a('https://x.example/p')}</strong></p>`],
  ['upper-case scheme', 'HTTPS://X.EXAMPLE', `<p>${a('https://x.example/', 'HTTPS://X.EXAMPLE')}</p>`],
  ['no link inside a word or code', 'xhttps://a.example `https://b.example`', '<p>xhttps://a.example <code>https://b.example</code></p>'],
  [
    'only http(s)',
    'ftp://a.example mailto:a@b.example javascript:alert(1)',
    '<p>ftp://a.example mailto:a@b.example javascript:alert(1)</p>',
  ],
  ['no labelled links', '[x](https://a.example)', `<p>[x](${a('https://a.example/', 'https://a.example')})</p>`],
  ['html is text', '<b>hi</b> & "you"', '<p>&lt;b&gt;hi&lt;/b&gt; &amp; &quot;you&quot;</p>'],
];

describe('M-4 rich text: formatting', () => {
  for (const [what, text, html] of FORMATTING) {
    it(`renders ${what}`, () => {
      expect(markdownToHtml(text)).to.equal(html);
    });
  }

  it('gives every link target=_blank and rel=noopener noreferrer nofollow after sanitizing', () => {
    const box = document.createElement('div');
    box.innerHTML = renderRichText('https://a.example and www.b.example');
    const links = [...box.querySelectorAll('a')];
    expect(links.map((l) => [l.getAttribute('href'), l.target, l.rel])).to.deep.equal([
      ['https://a.example/', '_blank', LINK_REL],
      ['https://www.b.example/', '_blank', LINK_REL],
    ]);
  });

  it('keeps the formatting tags through DOMPurify', () => {
    const html = renderRichText('**b** *i* `c`\n- x\n\n1. y\n\n```\nz\n```');
    expect(html).to.equal(
      '<p><strong>b</strong> <em>i</em> <code>c</code></p><ul><li>x</li></ul><ol><li>y</li></ol><pre><code>z</code></pre>',
    );
  });

  it('finds a link only where it starts and trims what ends a sentence', () => {
    expect(findLinkAt('see www.example.com.', 4)).to.deep.equal({ end: 19, href: 'https://www.example.com/' });
    expect(findLinkAt('"https://a.example/x"!', 1)).to.deep.equal({ end: 20, href: 'https://a.example/x' });
    expect(findLinkAt('https://', 0)).to.equal(null);
    expect(findLinkAt('www.', 0)).to.equal(null);
  });
});

describe('M-4 rich text: the fast path', () => {
  const PLAIN = [
    'Thanks!',
    'My order 1234 is late.',
    'a - b',
    '3.5 stars',
    'mail a@b.example',
    'two\nlines',
    '<b>raw</b> & co',
    'C:\\Users',
    '1.5 - 2',
  ];
  const MARKED = [
    '**x**',
    'a *b*',
    '_x_',
    '`x`',
    'https://a.example',
    'http://a',
    'see www.a.example',
    '- item',
    ' * item',
    '1. item',
    'x\n2) item',
    '```',
  ];

  it('sends plain text straight to the text binding', () => {
    expect(PLAIN.filter(needsRichText)).to.deep.equal([]);
  });

  it('sends text with marks or links to the renderer', () => {
    expect(MARKED.filter((t) => !needsRichText(t))).to.deep.equal([]);
  });

  it('loses nothing on the fast path: the renderer would print plain text unchanged', () => {
    for (const text of PLAIN.filter((t) => !/\n\s*\n/.test(t))) {
      expect(markdownToHtml(text)).to.equal(`<p>${escapeHtml(text).replace(/\n/g, '<br>')}</p>`);
    }
  });
});
