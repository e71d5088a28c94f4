/**
 * The business-hours part of `<channel-profile-form>`: on or off, the time zone, one line of
 * ranges per weekday, holidays, and whether the channel is offline while no member is online.
 */
import { html } from 'lit';
import { WEEKDAYS, type Weekday } from '../../../src/protocol/index.js';
import { knownTimeZones, WEEKDAY_LABEL } from '../state/hours-text.js';

/** The hours as the form edits them: text, parsed on save. */
export interface HoursDraft {
  enabled: boolean;
  timeZone: string;
  lines: Record<Weekday, string>;
  holidays: string;
  offlineWhenNobodyOnline: boolean;
}

let zones: string[] | undefined;

/** Renders the hours fieldset for `draft`; `change` gets the next draft. */
export function renderHours(draft: HoursDraft, change: (next: HoursDraft) => void) {
  zones ??= knownTimeZones();
  const set = (patch: Partial<HoursDraft>) => change({ ...draft, ...patch });
  const value = (e: Event) => (e.target as HTMLInputElement | HTMLTextAreaElement).value;
  return html`<fieldset class="hours">
    <legend>Business hours</legend>
    <label class="inline"
      ><input
        type="checkbox"
        name="hours-enabled"
        .checked=${draft.enabled}
        @change=${(e: Event) => set({ enabled: (e.target as HTMLInputElement).checked })}
      />
      Open only during these hours (otherwise always open)</label
    >
    <label
      >Time zone
      <input
        name="timeZone"
        list="time-zones"
        required
        .value=${draft.timeZone}
        @change=${(e: Event) => set({ timeZone: value(e).trim() })}
      />
      <datalist id="time-zones">${zones.map((z) => html`<option value=${z}></option>`)}</datalist>
      <span class="hint">An IANA name such as Europe/Paris; daylight saving time follows it.</span>
    </label>
    <div class="week">
      ${WEEKDAYS.map(
        (d) =>
          html`<label class="day"
            >${WEEKDAY_LABEL[d]}
            <input
              name="hours-${d}"
              placeholder="Closed"
              .value=${draft.lines[d]}
              @change=${(e: Event) => set({ lines: { ...draft.lines, [d]: value(e) } })}
          /></label>`,
      )}
      <span class="hint"
        >Ranges such as <code>09:00-12:00, 14:00-18:00</code>; <code>22:00-06:00</code> runs past midnight; empty is closed.</span
      >
    </div>
    <label
      >Holidays
      <textarea
        name="holidays"
        rows="3"
        placeholder="2026-12-25"
        .value=${draft.holidays}
        @change=${(e: Event) => set({ holidays: value(e) })}
      ></textarea>
      <span class="hint">One date per line (YYYY-MM-DD): closed all day.</span>
    </label>
    <label class="inline"
      ><input
        type="checkbox"
        name="offline-nobody"
        .checked=${draft.offlineWhenNobodyOnline}
        @change=${(e: Event) => set({ offlineWhenNobodyOnline: (e.target as HTMLInputElement).checked })}
      />
      Also offline while no member of the channel has the console open</label
    >
  </fieldset>`;
}
