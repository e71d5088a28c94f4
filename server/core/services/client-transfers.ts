/**
 * Files on their way between a console and a support client (E-8): chunks taken in order, within
 * the announced size and the file limit. The bookkeeping is in storage (E-21), so the console's
 * server process and the client's may differ: each chunk is checked and counted by whichever
 * process receives it, and a fetch whose last chunk arrives before its size was recorded is
 * finished by the process recording it.
 */
import { CLIENT_LIMITS, fail, ok, type Result } from '../../../src/protocol/index.js';
import type { ClientTransfer, EscalationStore } from '../escalation-model.js';

/** A transfer as it starts. */
export type NewTransfer = Omit<ClientTransfer, 'nextIndex' | 'bytes' | 'done'>;

/** Decoded size of a base64 string. */
export function base64Bytes(s: string): number {
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  return Math.floor((s.length * 3) / 4) - pad;
}

/** The transfers over `store`. */
export function clientTransfers(store: EscalationStore) {
  return {
    /** Starts tracking a transfer. */
    open(t: NewTransfer): Promise<void> {
      return store.insertClientTransfer({ ...t, nextIndex: 0, bytes: 0, done: false });
    },

    /**
     * Takes the next chunk of a transfer of `clientId` in `direction`. Answers the transfer, and
     * `finished` when this chunk ended it with its size known (the caller logs it); a bad chunk
     * ends the transfer.
     */
    async chunk(
      id: string,
      clientId: string,
      direction: ClientTransfer['direction'],
      index: number,
      base64: string,
      last: boolean,
    ): Promise<Result<{ transfer: ClientTransfer; finished: boolean }>> {
      const t = await store.findClientTransfer(id);
      if (!t || t.clientId !== clientId || t.direction !== direction || t.done) return fail('not_found', 'No such file transfer.');
      if (index !== t.nextIndex) return fail('invalid_payload', `Expected chunk ${t.nextIndex}, got ${index}.`);
      const bytes = t.bytes + base64Bytes(base64);
      if ((t.size >= 0 && bytes > t.size) || bytes > CLIENT_LIMITS.fileBytes) {
        await store.deleteClientTransfer(id);
        return fail('payload_too_large', 'The file is larger than announced.');
      }
      if (last && t.size >= 0 && bytes !== t.size) {
        await store.deleteClientTransfer(id);
        return fail('invalid_payload', `The file ended after ${bytes} of ${t.size} bytes.`);
      }
      if (!(await store.advanceClientTransfer(id, index, bytes, last))) {
        return fail('invalid_payload', `Chunk ${index} was taken already.`);
      }
      const finished = last ? await store.finishClientTransfer(id) : undefined;
      return ok({ transfer: finished ?? { ...t, nextIndex: index + 1, bytes, done: last }, finished: finished !== undefined });
    },

    /**
     * Records a fetched file's name and size as the client told them. Answers the transfer when this
     * finished it (its last chunk had arrived already): `complete` says whether it had the size told.
     */
    async describe(id: string, name: string, size: number): Promise<{ transfer: ClientTransfer; complete: boolean } | null> {
      await store.describeClientTransfer(id, name, Math.min(size, CLIENT_LIMITS.fileBytes));
      const finished = await store.finishClientTransfer(id);
      return finished ? { transfer: finished, complete: finished.bytes === finished.size } : null;
    },

    /** Forgets a transfer (failed, or refused); answers it if it was there. */
    drop(id: string): Promise<ClientTransfer | undefined> {
      return store.deleteClientTransfer(id);
    },

    /** Forgets every transfer of a client (it left). */
    dropClient(clientId: string): Promise<void> {
      return store.deleteClientTransfersOf(clientId);
    },
  };
}

/** The transfers. */
export type ClientTransfers = ReturnType<typeof clientTransfers>;
