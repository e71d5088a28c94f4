/**
 * `<visitor-profile>`: what the visitor told about themselves in a session, for the technician:
 * the identity the website gave (with an "unverified" mark unless its hash checked out, SPEC I-5)
 * and the pre-chat answers (Q-3). Every value is text.
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { SessionProfileView } from '../../../src/protocol/index.js';
import { visitorProfileStyles } from './visitor-profile.styles.js';

/** The visitor's identity and answers. */
@customElement('visitor-profile')
export class VisitorProfile extends LitElement {
  static override styles = visitorProfileStyles;

  @property({ attribute: false }) profile: SessionProfileView | null = null;

  protected override render() {
    const p = this.profile;
    if (!p || (!p.identity && p.prechat.length === 0)) return nothing;
    const who = p.identity;
    return html`<h3>Visitor</h3>
      ${
        who
          ? html`<p class="identity">
              <strong>${who.name || who.id}</strong>
              ${
                who.verified
                  ? html`<span class="mark verified" title="The website vouched for this identity">Verified</span>`
                  : html`<span class="mark unverified" title="The website did not prove this identity: it may be anyone">Unverified</span>`
              }
              ${who.email ? html`<span class="email">${who.email}</span>` : nothing}
              <span class="id">User id: ${who.id}</span>
            </p>`
          : nothing
      }
      ${
        p.prechat.length > 0
          ? html`<dl aria-label="Pre-chat answers">
              ${p.prechat.map(
                (a) =>
                  html`<dt>${a.label}</dt>
                    <dd>${a.value}</dd>`,
              )}
            </dl>`
          : nothing
      }`;
  }
}
