/**
 * Styles of the support client's download prompt, as plain CSS text: the prompt is a lazy chunk
 * that must not pull in anything of the chat chunk, so it builds its own constructable stylesheet.
 */

/** The prompt's stylesheet. */
export const ESCALATION_CSS = `
  :host { display: block; }
  .card {
    margin: 8px 10px 10px;
    padding: 10px 12px;
    border: 1px solid var(--porthole-accent, #2456d6);
    border-radius: 10px;
    background: #f3f6ff;
    display: flex;
    flex-direction: column;
    gap: 6px;
    font: inherit;
    color: #1b1f24;
  }
  h3 { margin: 0; font-size: 14px; font-weight: 600; }
  p { margin: 0; }
  .explain { font-size: 12px; color: #3d4550; }
  .error { font-size: 12px; color: #b42318; }
  a.download {
    display: block;
    padding: 8px 14px;
    border-radius: 8px;
    background: var(--porthole-accent, #2456d6);
    color: #fff;
    font-weight: 600;
    text-align: center;
    text-decoration: none;
  }
  a:focus-visible, button:focus-visible { outline: 3px solid #8fb0ff; outline-offset: 1px; }
  .others { font-size: 12px; color: #5b6470; text-align: center; }
  .others a { color: var(--porthole-accent, #2456d6); }
  code { font-size: 11px; background: #fff; border: 1px solid #e1e4e8; border-radius: 4px; padding: 0 3px; }
  .digits {
    font-size: 24px;
    font-weight: 700;
    letter-spacing: 0.06em;
    text-align: center;
    font-variant-numeric: tabular-nums;
  }
  button {
    all: unset;
    cursor: pointer;
    align-self: center;
    font-size: 12px;
    color: #5b6470;
    text-decoration: underline;
    text-underline-offset: 2px;
  }
  button:hover { color: var(--porthole-accent, #2456d6); }
`;
