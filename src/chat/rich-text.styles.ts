/**
 * Styles of formatted message text (`.text.rich`): paragraphs, lists, code and links inside the
 * bubbles, readable on both the visitor's accent bubble and the technician's white one.
 */
import { css } from 'lit';

/** Constructable stylesheet for rich message text; adopted with the chat's own styles. */
export const richTextStyles = css`
  .rich p,
  .rich ul,
  .rich ol,
  .rich pre {
    margin: 0;
  }
  .rich > * + * {
    margin-top: 6px;
  }
  .rich ul,
  .rich ol {
    padding-left: 20px;
  }
  .rich a {
    color: inherit;
    text-decoration: underline;
    text-underline-offset: 2px;
  }
  .rich a:focus-visible {
    outline: 2px solid #8fb0ff;
    outline-offset: 1px;
    border-radius: 2px;
  }
  .rich code {
    font:
      12.5px/1.4 ui-monospace,
      SFMono-Regular,
      Menlo,
      Consolas,
      monospace;
  }
  .rich :not(pre) > code {
    padding: 1px 4px;
    border-radius: 4px;
    background: rgb(0 0 0 / 0.07);
  }
  .rich pre {
    padding: 6px 8px;
    border-radius: 6px;
    background: rgb(0 0 0 / 0.07);
    /* Bubbles are narrow: long lines wrap rather than hide behind a scrollbar. */
    white-space: pre-wrap;
  }
  .visitor .rich :not(pre) > code,
  .visitor .rich pre {
    background: rgb(255 255 255 / 0.18);
  }
`;
