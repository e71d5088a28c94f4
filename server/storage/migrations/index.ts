/**
 * Every migration in order, imported statically so the server runs them without reading folders.
 */
import type { Migration, MigrationProvider } from 'kysely';
import * as m001 from './001-initial.js';
import * as m002 from './002-sessions.js';
import * as m003 from './003-chat.js';
import * as m004 from './004-attachments.js';
import * as m005 from './005-channel-profile.js';
import * as m008 from './008-desk.js';
import * as m007 from './007-escalation.js';
import * as m009 from './009-client-transfers.js';
import * as m010 from './010-conversation-links.js';
import * as m011 from './011-unattended.js';
import * as m012 from './012-device-management.js';
import * as m013 from './013-shell-journals.js';

const migrations: Record<string, Migration> = {
  '001-initial': m001,
  '002-sessions': m002,
  '003-chat': m003,
  '004-attachments': m004,
  '005-channel-profile': m005,
  '008-desk': m008,
  '007-escalation': m007,
  '009-client-transfers': m009,
  '010-conversation-links': m010,
  '011-unattended': m011,
  '012-device-management': m012,
  '013-shell-journals': m013,
};

/** A Kysely migration provider over the list above. */
export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
