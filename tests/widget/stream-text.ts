/**
 * Decodes what a recording sent, as the console does (frames assembled into batches, chained batches
 * decoded against the ones before them), for tests that search the stream.
 */
import { FrameAssembler } from '../../demo/console/cobrowse/frame-assembler.js';
import { BatchDecoder } from '../../src/cobrowse/codec.js';
import type { CobrowseFrame } from '../../src/protocol/cobrowse.js';

/** Every event the frames carry, as JSON text, one line per batch. */
export async function streamText(frames: readonly CobrowseFrame[]): Promise<string> {
  const assembler = new FrameAssembler();
  const decoder = new BatchDecoder();
  const texts: string[] = [];
  for (const frame of frames) {
    const batch = assembler.add(frame);
    if (batch) texts.push(JSON.stringify(await decoder.decode(batch)));
  }
  return texts.join('\n');
}
