/**
 * The demo site's web-components page: a Lit component, a plain custom element with an open
 * shadow root and constructed stylesheets (`adoptedStyleSheets`), nested in each other, and a sheet
 * adopted by the document itself. Co-browsing must replay all of it faithfully (SPEC.md C-10).
 */
import { css, html, LitElement } from 'lit';

const badgeSheet = new CSSStyleSheet();
badgeSheet.replaceSync(
  ':host { display: inline-block; } span { padding: 2px 10px; border-radius: 999px; background: rgb(18, 183, 106); color: rgb(255, 255, 255); font-weight: 700; }',
);

/** `<stock-badge>`: a plain custom element whose shadow root adopts a constructed sheet. */
class StockBadge extends HTMLElement {
  connectedCallback(): void {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [badgeSheet];
    const span = document.createElement('span');
    span.textContent = this.getAttribute('label') ?? 'In stock';
    root.append(span);
  }
}

/** `<bike-card>`: a Lit component (its styles are adopted sheets too) holding a badge and a counter. */
class BikeCard extends LitElement {
  static override properties = { name: {}, count: { type: Number } };
  static override styles = css`
    :host {
      display: block;
      padding: 16px;
      border: 2px solid rgb(36, 86, 214);
      border-radius: 12px;
      background: #fff;
    }
    h2 {
      margin: 0 0 8px;
      color: rgb(36, 86, 214);
    }
  `;
  declare name: string;
  declare count: number;

  constructor() {
    super();
    this.name = 'Bike';
    this.count = 0;
  }

  protected override render() {
    return html`<h2>${this.name}</h2>
      <stock-badge label="Ready to ride"></stock-badge>
      <p>In your basket: <strong class="count">${this.count}</strong></p>
      <button type="button" @click=${() => this.count++}>Add to basket</button>`;
  }
}

const pageSheet = new CSSStyleSheet();
pageSheet.replaceSync('.adopted-by-document { color: rgb(180, 35, 24); font-style: italic; }');
document.adoptedStyleSheets = [...document.adoptedStyleSheets, pageSheet];

if (!customElements.get('stock-badge')) customElements.define('stock-badge', StockBadge);
if (!customElements.get('bike-card')) customElements.define('bike-card', BikeCard);
