/**
 * Every migration in order, imported statically so the server runs them without reading folders.
 */
import type { Migration, MigrationProvider } from 'kysely';
import * as m001 from './001-initial.js';
import * as m002 from './002-sessions.js';
import * as m007 from './007-escalation.js';

const migrations: Record<string, Migration> = {
  '001-initial': m001,
  '002-sessions': m002,
  '007-escalation': m007,
};

/** A Kysely migration provider over the list above. */
export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
