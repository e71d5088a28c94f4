/**
 * The schema of a support client's system details, apart so that both the attended escalation and
 * the unattended devices (`unattended.ts`) use it without importing each other.
 */
import * as v from 'valibot';

const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));

/** `system:report`: the machine's details, after `system` was allowed. */
export const SystemReportSchema = v.strictObject({
  os: v.picklist(['windows', 'macos', 'linux', 'other']),
  platform: Text(40),
  release: Text(80),
  arch: Text(20),
  hostname: Text(255),
  user: Text(255),
  elevated: v.boolean(),
  cpus: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(4096)),
  memoryMb: v.pipe(v.number(), v.integer(), v.minValue(0)),
  node: Text(40),
  pty: v.boolean(),
});
