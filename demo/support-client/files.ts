/**
 * File transfer on the visitor's side (E-8): files from the technician are written, chunk by chunk
 * and in order, into one folder under a name that never leaves it; files the technician fetches
 * are read and sent in chunks, each confirmed by the server before the next.
 */
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as v from 'valibot';
import { CLIENT_LIMITS, FileNameSchema, type ClientReply } from '../../src/protocol/index.js';

/** The folder files from the technician go to. */
export function defaultFilesDir(): string {
  return path.join(os.homedir(), 'Downloads', 'Porthole');
}

interface Incoming {
  file: string;
  handle: fsp.FileHandle;
  size: number;
  written: number;
  next: number;
}

/** Writes files the technician sends. */
export class FileReceiver {
  readonly #open = new Map<string, Incoming>();

  constructor(private readonly dir: string) {}

  /** Accepts an offer: a plain file name and a size within the limit; answers where it will go. */
  async offer(p: { transferId: string; name: string; size: number }): Promise<ClientReply<string>> {
    const name = v.safeParse(FileNameSchema, p.name);
    if (!name.success) return { ok: false, message: 'The file name is not acceptable.' };
    if (!Number.isInteger(p.size) || p.size < 0 || p.size > CLIENT_LIMITS.fileBytes)
      return { ok: false, message: 'The file is too large.' };
    await fsp.mkdir(this.dir, { recursive: true });
    const file = await freeName(this.dir, name.output);
    const handle = await fsp.open(file, 'wx');
    this.#open.set(p.transferId, { file, handle, size: p.size, written: 0, next: 0 });
    return { ok: true, value: file };
  }

  /** Writes one chunk; answers the file's path once the last chunk is in. */
  async data(p: { transferId: string; index: number; data: string; last: boolean }): Promise<ClientReply<string | null>> {
    const t = this.#open.get(p.transferId);
    if (!t) return { ok: false, message: 'No such transfer.' };
    const bytes = Buffer.from(p.data, 'base64');
    if (p.index !== t.next || t.written + bytes.length > t.size) {
      await this.#abort(p.transferId, t);
      return { ok: false, message: 'The file arrived out of order or larger than announced.' };
    }
    await t.handle.write(bytes);
    t.written += bytes.length;
    t.next += 1;
    if (!p.last) return { ok: true, value: null };
    await t.handle.close();
    this.#open.delete(p.transferId);
    return { ok: true, value: t.file };
  }

  /** Removes unfinished files (the client is ending). */
  async abortAll(): Promise<void> {
    for (const [id, t] of this.#open) await this.#abort(id, t);
  }

  async #abort(id: string, t: Incoming): Promise<void> {
    this.#open.delete(id);
    await t.handle.close().catch(() => undefined);
    await fsp.rm(t.file, { force: true });
  }
}

/** `name`, or `name (1)`, `name (2)`… when taken. */
async function freeName(dir: string, name: string): Promise<string> {
  const { name: stem, ext } = path.parse(name);
  for (let i = 0; ; i++) {
    const candidate = path.join(dir, i === 0 ? name : `${stem} (${i})${ext}`);
    const taken = await fsp.access(candidate).then(
      () => true,
      () => false,
    );
    if (!taken) return candidate;
  }
}

/** A file the technician asked for, checked: a regular file within the size limit. */
export async function openForSending(requested: string): Promise<ClientReply<{ file: string; name: string; size: number }>> {
  const file = path.resolve(os.homedir(), requested.replace(/^~(?=$|[/\\])/, os.homedir()));
  try {
    const stat = await fsp.stat(file);
    if (!stat.isFile()) return { ok: false, message: `${file} is not a file.` };
    if (stat.size > CLIENT_LIMITS.fileBytes) return { ok: false, message: `${file} is larger than the 5 MB limit.` };
    return { ok: true, value: { file, name: path.basename(file), size: stat.size } };
  } catch {
    return { ok: false, message: `${file} cannot be read.` };
  }
}

/** Reads `file` in protocol-sized chunks (at least one, even for an empty file). */
export async function* chunksOf(file: string): AsyncGenerator<{ index: number; data: string; last: boolean }> {
  const handle = await fsp.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(CLIENT_LIMITS.chunkBytes);
    let offset = 0;
    let index = 0;
    do {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
      offset += bytesRead;
      yield { index: index++, data: buffer.subarray(0, bytesRead).toString('base64'), last: offset >= size || bytesRead === 0 };
      if (bytesRead === 0) break;
    } while (offset < size);
  } finally {
    await handle.close();
  }
}
