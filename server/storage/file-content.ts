/**
 * What a received file is, by its content (SPEC.md F-3): the type `file-type` recognises from its
 * magic numbers (zip containers are opened to tell Office documents from plain zips), the text check
 * made while it streamed in, and an image's pixel size. The decision is the core's `acceptedType`.
 */
import { fileTypeFromFile } from 'file-type';
import type { DetectedContent } from '../core/attachment-rules.js';
import type { ReceivedFile } from './attachment-files.js';
import { imageSize } from './image-size.js';

/** Inspects a received file. */
export async function detectContent(file: ReceivedFile): Promise<DetectedContent> {
  const type = file.size > 0 ? await fileTypeFromFile(file.tempPath) : undefined;
  const mime = type?.mime ?? null;
  const size = mime ? imageSize(mime, file.head) : null;
  return { mime, text: file.text, width: size?.width ?? null, height: size?.height ?? null };
}
