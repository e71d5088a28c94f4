/**
 * Bounded summaries of shell traffic for the activity log (E-9): every command line the technician
 * types, and what the shell answered, cut to a readable length so the log cannot be flooded.
 * Plain functions over strings.
 */

/** Characters of one logged command line or output excerpt. */
export const SHELL_LOG_CHARS = 200;

// CSI/OSC escape sequences and other control characters: noise in a log, and a way to forge lines.
// eslint-disable-next-line no-control-regex
const ESCAPES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[@-_]/g;

/** Text without terminal escapes or control characters (newlines become spaces). */
export function plainText(data: string): string {
  // eslint-disable-next-line no-control-regex
  return data.replace(ESCAPES, '').replace(/[\x00-\x1f\x7f]+/g, ' ');
}

/** Cuts `text` to {@link SHELL_LOG_CHARS}, marking the cut. */
export function bounded(text: string, max = SHELL_LOG_CHARS): string {
  const t = text.trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

/** The technician's keystrokes so far and the command lines they completed. */
export interface InputLines {
  pending: string;
  lines: string[];
}

/**
 * Adds keystrokes to the line being typed; Enter completes it (logged), Backspace edits it. The
 * pending line is bounded too, so a paste without newlines cannot grow without end.
 */
export function feedInput(pending: string, data: string): InputLines {
  const lines: string[] = [];
  let line = pending;
  for (const ch of data) {
    if (ch === '\r' || ch === '\n') {
      if (line.trim()) lines.push(bounded(plainText(line)));
      line = '';
    } else if (ch === '\x7f' || ch === '\b') line = line.slice(0, -1);
    else if (ch === '\x03') line = '';
    else if (line.length < SHELL_LOG_CHARS * 4) line += ch;
  }
  return { pending: line, lines };
}

const utf8 = new TextEncoder();

/** Output since the last command: how many bytes, and the first {@link SHELL_LOG_CHARS} characters. */
export interface OutputSummary {
  bytes: number;
  head: string;
}

/** What one output chunk adds to a summary: its bytes, and its plain text cut to what a head can use. */
export function outputPiece(data: string): { bytes: number; text: string } {
  return { bytes: utf8.encode(data).length, text: plainText(data).slice(0, SHELL_LOG_CHARS * 2) };
}

/**
 * Adds output to a summary: the head grows until it has {@link SHELL_LOG_CHARS} characters (kept
 * to twice that). Storage does the same in one statement (`addShellOutput`), for E-22.
 */
export function feedOutput(summary: OutputSummary, data: string): OutputSummary {
  const piece = outputPiece(data);
  const head = summary.head.length >= SHELL_LOG_CHARS ? summary.head : (summary.head + piece.text).slice(0, SHELL_LOG_CHARS * 2);
  return { bytes: summary.bytes + piece.bytes, head };
}

/** The log sentence's target for an output summary, e.g. `42 bytes: "total 8 drwxr-xr-x …"`. */
export function describeOutput(summary: OutputSummary): string {
  return `${summary.bytes} bytes: "${bounded(summary.head.replace(/ {2,}/g, ' '))}"`;
}
