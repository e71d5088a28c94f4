/**
 * The command runner the desk components receive from `<desk-page>` (the controller's `run`).
 */
import type { AckValueOf, ConsoleCommands, PayloadOf, Result } from '../../../src/protocol/index.js';

/** Sends one console command and answers its `Result`. */
export type DeskRun = <E extends keyof ConsoleCommands>(
  event: E,
  payload: PayloadOf<ConsoleCommands[E]>,
) => Promise<Result<AckValueOf<ConsoleCommands[E]>>>;

/** A runner for components not yet wired (tests, first render). */
export const offlineRun: DeskRun = () => Promise.resolve({ ok: false, error: 'internal', message: 'Not connected.' });
