/**
 * Shell output summaries (E-9, E-22) over Kysely: one row per open shell, counted by whichever
 * server process takes the client's output and taken by the one the console types into.
 */
import { sql, type Kysely } from 'kysely';
import type { EscalationStore, ShellOutputSummary } from '../../core/escalation-model.js';
import type { Database } from '../schema.js';

type ShellJournalStore = Pick<
  EscalationStore,
  'openShellJournal' | 'addShellOutput' | 'takeShellOutput' | 'closeShellJournal' | 'deleteShellJournalsOf'
>;

const summary = (r: { bytes: number | string; head: string } | undefined): ShellOutputSummary | undefined =>
  r && Number(r.bytes) > 0 ? { bytes: Number(r.bytes), head: r.head } : undefined;

/** The shell-journal part of the store. */
export function shellJournalQueries(db: Kysely<Database>): ShellJournalStore {
  return {
    async openShellJournal(j) {
      await db
        .insertInto('shell_journals')
        .values({ shell_id: j.shellId, session_id: j.sessionId, client_id: j.clientId, bytes: 0, head: '', seq: 0 })
        .onConflict((oc) => oc.column('shell_id').doNothing())
        .execute();
    },
    async addShellOutput(shellId, seq, bytes, text, headChars) {
      // One statement, so output counted by two processes at once is neither lost nor doubled.
      const r = await db
        .updateTable('shell_journals')
        .set({
          bytes: sql<number>`bytes + ${bytes}`,
          head: sql<string>`case when length(head) >= ${headChars} then head else substr(head || ${text}, 1, ${headChars * 2}) end`,
          seq,
        })
        .where('shell_id', '=', shellId)
        .where('seq', '<', seq)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async takeShellOutput(shellId) {
      // Compare-and-set on the seq, which every counted chunk raises: output counted in between is kept for the next take.
      for (let attempt = 0; attempt < 8; attempt++) {
        const r = await db.selectFrom('shell_journals').select(['bytes', 'head', 'seq']).where('shell_id', '=', shellId).executeTakeFirst();
        const found = summary(r);
        if (!r || !found) return undefined;
        const taken = await db
          .updateTable('shell_journals')
          .set({ bytes: 0, head: '' })
          .where('shell_id', '=', shellId)
          .where('seq', '=', r.seq)
          .executeTakeFirst();
        if (Number(taken.numUpdatedRows) === 1) return found;
      }
      return undefined;
    },
    async closeShellJournal(shellId) {
      const r = await db.deleteFrom('shell_journals').where('shell_id', '=', shellId).returning(['bytes', 'head']).executeTakeFirst();
      return summary(r);
    },
    async deleteShellJournalsOf(clientId) {
      await db.deleteFrom('shell_journals').where('client_id', '=', clientId).execute();
    },
  };
}
