/**
 * The DOM events `<porthole-widget>` fires on the page, typed in `HTMLElementEventMap` so
 * `widget.addEventListener('porthole-message', (e) => e.detail.text)` type-checks. All bubble and
 * are composed; details are plain data (no references into the widget).
 */

/** Who wrote a message, as the page sees it. */
export type PortholeMessageAuthor = { kind: 'visitor' } | { kind: 'technician'; name: string };

/** The detail of {@link PortholeMessageEvent}. */
export interface PortholeMessageDetail {
  id: string;
  sessionId: string;
  /** Position in the conversation (1, 2, 3, ...). */
  seq: number;
  text: string;
  author: PortholeMessageAuthor;
  /** `out`: the visitor's own message, confirmed by the server; `in`: a technician's. */
  direction: 'in' | 'out';
  /** Milliseconds since the epoch, server clock. */
  createdAt: number;
}

/** A message arrived in the conversation, or one the visitor sent was stored. */
export class PortholeMessageEvent extends CustomEvent<PortholeMessageDetail> {
  constructor(detail: PortholeMessageDetail) {
    super('porthole-message', { detail, bubbles: true, composed: true });
  }
}

/** What a page says about its signed-in user through `identify()`. */
export interface PortholeIdentity {
  /** The user's id in the website's own system. */
  id: string;
  name?: string;
  email?: string;
  /** Hex HMAC-SHA256 of `id` with the channel's identity secret, computed on the website's server. */
  hash?: string;
}

declare global {
  interface HTMLElementEventMap {
    'porthole-message': PortholeMessageEvent;
    'porthole-open': Event;
    'porthole-close': Event;
  }
}
