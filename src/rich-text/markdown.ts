/**
 * Message text to HTML: blocks, then inline markdown inside them. The HTML it writes uses only the
 * tags the sanitizer allows, and all text is escaped; DOMPurify still checks it (see sanitize.ts).
 */
import { parseBlocks, type Block } from './blocks.js';
import { escapeHtml } from './escape-html.js';
import { renderInline } from './inline.js';

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${renderInline(block.lines.join('\n'))}</p>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>${block.items.map((lines) => `<li>${renderInline(lines.join('\n'))}</li>`).join('')}</${tag}>`;
    }
    case 'code':
      return `<pre><code>${escapeHtml(block.lines.join('\n'))}</code></pre>`;
    default:
      return assertNever(block);
  }
}

function assertNever(x: never): never {
  throw new Error(`Unknown block: ${JSON.stringify(x)}`);
}

/**
 * Renders message text as HTML with p, ul, ol, li, pre, code, strong, em, a and br. Total: any
 * string renders, unbalanced or nested marks included (unpaired marks print as typed).
 *
 * @example
 * markdownToHtml('**Restart** the app'); // '<p><strong>Restart</strong> the app</p>'
 */
export function markdownToHtml(text: string): string {
  return parseBlocks(text).map(renderBlock).join('');
}
