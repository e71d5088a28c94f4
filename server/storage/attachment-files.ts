/**
 * The bytes of attachments, in a local folder (`ATTACHMENTS_DIR`, by default `<DATA_DIR>/attachments`).
 * An upload streams into a temporary file of that folder while it is counted and checked, and is
 * moved to its final name only once accepted (SPEC.md F-2, F-3): a refused or broken upload leaves
 * nothing behind, and the file is never held in memory whole.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fail, ok, type Result } from '../../src/protocol/index.js';

/** Bytes of the start of a file kept in memory for reading image sizes. */
const HEAD_BYTES = 64 * 1024;

/** A file received into the temporary folder, not yet kept. */
export interface ReceivedFile {
  tempPath: string;
  size: number;
  /** The first bytes, for header parsing. */
  head: Buffer;
  /** The whole content is valid UTF-8 without NUL bytes (F-3's plain text). */
  text: boolean;
}

class TooLarge extends Error {}

/** Counts, keeps the head, checks UTF-8, and stops the stream past `maxBytes`. */
function inspector(maxBytes: number) {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const state = { size: 0, head: [] as Buffer[], headSize: 0, text: true };
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      state.size += chunk.length;
      if (state.size > maxBytes) return done(new TooLarge());
      if (state.headSize < HEAD_BYTES) {
        state.head.push(chunk.subarray(0, HEAD_BYTES - state.headSize));
        state.headSize += Math.min(chunk.length, HEAD_BYTES - state.headSize);
      }
      if (state.text) {
        try {
          decoder.decode(chunk, { stream: true });
          if (chunk.includes(0)) state.text = false;
        } catch {
          state.text = false;
        }
      }
      done(null, chunk);
    },
    flush(done) {
      try {
        if (state.text) decoder.decode();
      } catch {
        state.text = false;
      }
      done();
    },
  });
  return { transform, state };
}

/** The attachment folder. */
export interface AttachmentFiles {
  /**
   * Streams `source` into a temporary file: `payload_too_large` as soon as it passes `maxBytes`,
   * `invalid_payload` if the upload breaks off; in both cases the partial file is removed and what
   * is left of `source` is the caller's to drain or drop.
   */
  receive(source: Readable, maxBytes: number): Promise<Result<ReceivedFile>>;
  /** Moves an accepted file to its final place under `id`. */
  keep(file: ReceivedFile, id: string): Promise<void>;
  /** Removes a received file that was refused. */
  discard(file: ReceivedFile): Promise<void>;
  /** Reads a kept file, or null when it is missing. */
  open(id: string): Promise<ReadStream | null>;
  /** Whether a kept file exists (tests check that refusals leave nothing). */
  exists(id: string): Promise<boolean>;
  /** Names of the files in the temporary folder (tests check that nothing is left there). */
  pending(): Promise<string[]>;
}

/** The attachment folder at `dir` (created on first use). */
export function attachmentFiles(dir: string): AttachmentFiles {
  const tempDir = path.join(dir, 'incoming');
  // Ids come from the server, but a path is built from them: keep them to one safe segment.
  const finalPath = (id: string) => path.join(dir, id.replace(/[^A-Za-z0-9_-]/g, '_'));
  let ready: Promise<unknown> | null = null;
  const ensureDirs = () => (ready ??= mkdir(tempDir, { recursive: true }));

  return {
    async receive(source, maxBytes) {
      await ensureDirs();
      const tempPath = path.join(tempDir, randomUUID());
      const { transform, state } = inspector(maxBytes);
      const written = pipeline(transform, createWriteStream(tempPath, { flags: 'wx' }));
      // Piped by hand, not in the pipeline: a refusal must leave the request open for the answer.
      const broken = () => transform.destroy(new Error('aborted'));
      source.once('aborted', broken);
      source.once('error', broken);
      source.once('close', () => {
        if (!source.readableEnded) broken();
      });
      source.pipe(transform);
      try {
        await written;
      } catch (e) {
        source.unpipe(transform);
        await rm(tempPath, { force: true });
        if (e instanceof TooLarge) return fail('payload_too_large', `The file is larger than this channel's limit of ${maxBytes} bytes.`);
        return fail('invalid_payload', 'The upload broke off before the end.');
      }
      return ok({ tempPath, size: state.size, head: Buffer.concat(state.head), text: state.text });
    },
    async keep(file, id) {
      await rename(file.tempPath, finalPath(id));
    },
    async discard(file) {
      await rm(file.tempPath, { force: true });
    },
    async open(id) {
      const p = finalPath(id);
      try {
        await stat(p);
      } catch {
        return null;
      }
      return createReadStream(p);
    },
    async exists(id) {
      return stat(finalPath(id)).then(
        () => true,
        () => false,
      );
    },
    async pending() {
      await ensureDirs();
      return readdir(tempDir);
    },
  };
}
