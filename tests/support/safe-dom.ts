/**
 * Browser-side checks shared by the widget and console rich-text tests: what a rendered message may
 * contain, hostile inputs that must not get past it, and a flag those inputs would set if they ran.
 */

/** Elements rich text may contain (the sanitizer's allow-list). */
export const SAFE_TAGS = new Set(['A', 'STRONG', 'EM', 'CODE', 'PRE', 'UL', 'OL', 'LI', 'BR', 'P']);

/** What every rendered link carries. */
export const LINK_REL = 'noopener noreferrer nofollow';

/** The global a hostile payload sets when it runs. */
export const PWNED = '__richTextPwned';

/** Clears the flag, so that one payload that ran fails its own test and not every later one. */
export function resetPwned(): void {
  delete (window as unknown as Record<string, unknown>)[PWNED];
}

/** Whether any hostile payload has run on this page since the last {@link resetPwned}. */
export function pwned(): boolean {
  return (window as unknown as Record<string, unknown>)[PWNED] !== undefined;
}

/**
 * The rule breaches below `root`: elements outside {@link SAFE_TAGS}, attributes other than
 * href/target/rel on links, links to anything but http(s) or without the forced target and rel.
 * Empty when the DOM is safe.
 */
export function unsafeParts(root: ParentNode): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    if (!SAFE_TAGS.has(el.tagName)) found.push(`<${el.tagName.toLowerCase()}>`);
    for (const attr of el.attributes) {
      const allowed = el.tagName === 'A' && ['href', 'target', 'rel'].includes(attr.name);
      if (!allowed) found.push(`${el.tagName.toLowerCase()}[${attr.name}]`);
    }
    if (el.tagName !== 'A') continue;
    const href = el.getAttribute('href');
    if (href !== null && !/^https?:\/\/[^/\\]/i.test(href)) found.push(`a[href=${href}]`);
    if (el.getAttribute('target') !== '_blank') found.push('a without target=_blank');
    if (el.getAttribute('rel') !== LINK_REL) found.push('a without rel');
  }
  return found;
}

const SET = `window.${PWNED}=1`;

/** Hostile message texts: markup, script URLs, entity and markdown tricks, by name. */
export const HOSTILE: readonly (readonly [name: string, text: string])[] = [
  ['script tag', `<script>${SET}</script>`],
  ['img onerror', `<img src=x onerror="${SET}">`],
  ['markdown link to javascript:', `[x](javascript:${SET})`],
  ['markdown image', `![x](javascript:${SET})`],
  ['a href javascript:', `<a href="javascript:${SET}">click</a>`],
  ['a href with entity-encoded javascript:', `<a href="&#106;avascript:${SET}">click</a>`],
  ['a href with tab in javascript:', `<a href="java&#x09;script:${SET}">click</a>`],
  ['data: URL', `<a href="data:text/html,<script>${SET}</script>">d</a> data:text/html;base64,PHNjcmlwdD4=`],
  ['vbscript: URL', `<a href="vbscript:msgbox(1)">v</a> vbscript:msgbox(1)`],
  ['bare javascript: text', `javascript:${SET} and javascript://example.com/%0A${SET}`],
  ['iframe srcdoc', `<iframe srcdoc="<script>parent.${PWNED}=1</script>"></iframe>`],
  ['svg onload', `<svg onload="${SET}"><script>${SET}</script></svg>`],
  ['style tag', `<style>*{display:none}</style><p style="color:red" class="x" id="y">styled</p>`],
  ['event handler on an allowed tag', `<a href="https://example.com" onclick="${SET}" onmouseover="${SET}">ok</a>`],
  ['html entities', `&lt;script&gt;${SET}&lt;/script&gt; &#60;img src=x onerror=${SET}&#62; &amp;lt;b&amp;gt;`],
  ['mXSS via math/style', `<math><mtext><table><mglyph><style><img src=x onerror="${SET}">`],
  ['noscript title breakout', `<noscript><p title="</noscript><img src=x onerror=${SET}>">`],
  ['form action', `<form action="javascript:${SET}"><button>go</button></form>`],
  ['markdown around html', `**<img src=x onerror="${SET}">** and *<svg onload=${SET}>*`],
  ['code span with html', `\`<script>${SET}</script>\``],
  ['fence breakout', `\`\`\`\n</code></pre><img src=x onerror="${SET}">\n\`\`\``],
  ['quote in a URL', `https://example.com/"onmouseover="${SET}" x`],
  ['html in a URL', `https://example.com/'><img src=x onerror=${SET}>`],
  ['relative and odd links', `//evil.example/x www. https:// http://\\evil.example [a](/relative)`],
  ['nested and unbalanced markdown', '***a**b*c**d***e **a *b** c* _*_*_* `` ` ``` ** __ ~~'],
  ['4,000 asterisks', '*'.repeat(4000)],
  ['4,000 mixed marks', '*a_'.repeat(1333) + '*'],
];
