/**
 * `<activity-panel>`: the session's activity log (who did what, when), newest first, live.
 * Summaries come from the server and are rendered as text.
 */
import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ActivityView } from '../../../src/protocol/index.js';
import { activityPanelStyles } from './activity-panel.styles.js';
import { actorLabel, timeLabel } from './labels.js';
import { sharedStyles } from './shared.styles.js';

/** The activity log of the open session. */
@customElement('activity-panel')
export class ActivityPanel extends LitElement {
  static override styles = [sharedStyles, activityPanelStyles];

  @property({ attribute: false }) activity: readonly ActivityView[] = [];
  /** How the visitor is called when they are the actor. */
  @property() visitorLabel = 'Visitor';

  protected override render() {
    return html`
      <h3>Activity</h3>
      ${
        this.activity.length === 0
          ? html`<p class="hint">Nothing has happened yet.</p>`
          : html`<ol reversed aria-label="Activity, newest first">
              ${[...this.activity].reverse().map(
                (a) =>
                  html`<li data-action=${a.action}>
                    <span class="summary">${a.summary}</span>
                    <span class="meta"
                      >${actorLabel(a.actor, this.visitorLabel)} ·
                      <time datetime=${new Date(a.at).toISOString()}>${timeLabel(a.at)}</time></span
                    >
                  </li>`,
              )}
            </ol>`
      }
    `;
  }
}
