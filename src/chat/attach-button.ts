/**
 * The attach button of the compose bar and its styles: the one part of attachments the chat chunk
 * carries itself, so the rest (`attachment-view.ts`) can wait until a file is involved.
 */
import { css, html } from 'lit';

/** Types the file picker offers first; the server decides by content anyway (SPEC.md F-3). */
export const ACCEPT = 'image/png,image/jpeg,image/gif,image/webp,application/pdf,application/zip,.docx,.xlsx,.txt,.log,text/plain';

/** The paper-clip button; `pick` opens the file picker. */
export function renderAttachButton(pick: () => void) {
  return html`<button class="attach" type="button" aria-label="Attach a file" title="Attach a file" @click=${pick}>
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
      <path
        fill="none"
        stroke="currentColor"
        stroke-width="2"
        stroke-linecap="round"
        d="M20 11.5l-7.8 7.8a5 5 0 0 1-7.1-7.1l8.5-8.5a3.3 3.3 0 0 1 4.7 4.7l-8.5 8.5a1.7 1.7 0 0 1-2.4-2.4l7.8-7.8"
      />
    </svg>
  </button>`;
}

/** The button, the hidden picker, and the drop target's outline. */
export const attachButtonStyles = css`
  button.attach {
    all: unset;
    cursor: pointer;
    display: grid;
    place-items: center;
    width: 36px;
    border-radius: 8px;
    color: #5b6470;
  }
  button.attach:hover {
    background: #f0f2f5;
  }
  :host([dragging]) .log {
    outline: 3px dashed var(--porthole-accent, #2456d6);
    outline-offset: -6px;
  }
  input[type='file'] {
    display: none;
  }
  button.attach:focus-visible {
    outline: 3px solid #8fb0ff;
  }
`;
