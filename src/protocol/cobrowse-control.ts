/**
 * In-page control, the part of the co-browse contract that acts on the visitor's page (SPEC.md
 * C-12, C-13): the console names an element by its id in the recording it replays, the server
 * passes the command on only while the visitor grants `view` and `control`, and the widget checks
 * the element before it clicks, types, presses a key, chooses options or scrolls, answering what it did.
 */
import * as v from 'valibot';

const Id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id'));
const NodeId = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(Number.MAX_SAFE_INTEGER));
const Delta = v.pipe(v.number(), v.finite(), v.minValue(-20_000), v.maxValue(20_000));

/** Most characters one `text` command types; the console sends what was typed since the last answer. */
export const CONTROL_TEXT_MAX = 500;

/** Keys the technician may press on the visitor's page besides text (`Space` is the key ` `). */
export const CONTROL_KEYS = [
  'Enter',
  'Tab',
  'Backspace',
  'Delete',
  'Escape',
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'Space',
] as const;

/** One of {@link CONTROL_KEYS}. */
export type ControlKey = (typeof CONTROL_KEYS)[number];

/** Most options one `select` command chooses, and the highest option index it may name. */
export const CONTROL_OPTIONS_MAX = 1_000;
export const CONTROL_OPTION_INDEX_MAX = 99_999;

const OptionIndex = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(CONTROL_OPTION_INDEX_MAX));

/** What to do with the element. */
export const ControlActionSchema = v.variant('type', [
  v.strictObject({ type: v.literal('click') }),
  v.strictObject({ type: v.literal('text'), text: v.pipe(v.string(), v.minLength(1), v.maxLength(CONTROL_TEXT_MAX)) }),
  v.strictObject({ type: v.literal('key'), key: v.picklist(CONTROL_KEYS) }),
  v.strictObject({ type: v.literal('scroll'), dx: Delta, dy: Delta }),
  // The options of a <select> to leave chosen, by index: labels and values may be masked in the
  // stream, positions are not. One for a single select; any number, none included, for a multiple one.
  v.strictObject({
    type: v.literal('select'),
    options: v.pipe(
      v.array(OptionIndex),
      v.maxLength(CONTROL_OPTIONS_MAX),
      v.check((xs) => new Set(xs).size === xs.length, 'options must differ'),
    ),
  }),
]);

/**
 * `cobrowse:control`: act on the element with this id in `recording` (the recording the console
 * replays: ids of another page or an earlier grant mean other elements, so they are refused).
 */
export const CobrowseControlSchema = v.strictObject({
  sessionId: Id,
  recording: Id,
  nodeId: NodeId,
  action: ControlActionSchema,
});

/** A control command, as sent by the console and as passed on to the widget. */
export type CobrowseControl = v.InferOutput<typeof CobrowseControlSchema>;

/** One action of a {@link CobrowseControl}. */
export type ControlAction = v.InferOutput<typeof ControlActionSchema>;

/**
 * Why the widget did not act:
 * - `stale`: the console's recording is not the page's any more (another page, a new grant);
 * - `offline`: no widget of the session answered;
 * - `not_granted`: the widget holds no `control` grant (it checks on its own too);
 * - `missing`: no element with that id is on the page now;
 * - `blocked`: the element is in an area hidden from the technician, or part of the widget;
 * - `password`: typing into a password field (never allowed);
 * - `not_editable`: text or an edit key aimed at something that takes no text (or is disabled, read-only);
 * - `not_select`: options chosen on something that is not an enabled `<select>`;
 * - `bad_option`: an option index that is not there or is disabled, or several for a single select.
 */
export const CONTROL_REFUSALS = [
  'stale',
  'offline',
  'not_granted',
  'missing',
  'blocked',
  'password',
  'not_editable',
  'not_select',
  'bad_option',
] as const;

/** One of {@link CONTROL_REFUSALS}. */
export type ControlRefusal = (typeof CONTROL_REFUSALS)[number];

/** What a control command achieved: `cobrowse:control`'s ack value. */
export type ControlOutcome = { status: 'done' } | { status: 'refused'; reason: ControlRefusal };

/**
 * A widget's answer to a passed-on command: an outcome, or `elsewhere` from a widget that records
 * another page of the session (another tab) and so left it to the one that records `recording`.
 */
export const ControlAnswerSchema = v.variant('status', [
  v.strictObject({ status: v.literal('done') }),
  v.strictObject({ status: v.literal('elsewhere') }),
  v.strictObject({ status: v.literal('refused'), reason: v.picklist(CONTROL_REFUSALS) }),
]);

/** A widget's answer to `cobrowse:control`. */
export type ControlAnswer = v.InferOutput<typeof ControlAnswerSchema>;

/** Whether a widget's answer is well formed (the server trusts no client's answer). */
export function isControlAnswer(x: unknown): x is ControlAnswer {
  return v.is(ControlAnswerSchema, x);
}
