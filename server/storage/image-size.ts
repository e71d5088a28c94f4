/**
 * Pixel size of PNG, GIF, WebP and JPEG images from their first bytes, so clients can reserve the
 * preview's space before it loads. Anything unusual answers null: the size is a nicety, not a check.
 */

/** Width and height, or null when the header does not say. */
export type ImageSize = { width: number; height: number } | null;

const sane = (width: number, height: number): ImageSize =>
  width > 0 && height > 0 && width < 65536 && height < 65536 ? { width, height } : null;

function jpegSize(b: Buffer): ImageSize {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1];
    // Start-of-frame markers carry the size; DHT (C4), JPG (C8) and DAC (CC) share the range but do not.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return sane(b.readUInt16BE(i + 7), b.readUInt16BE(i + 5));
    }
    i += 2 + b.readUInt16BE(i + 2);
  }
  return null;
}

function webpSize(b: Buffer): ImageSize {
  const chunk = b.toString('ascii', 12, 16);
  if (chunk === 'VP8X' && b.length >= 30) return sane(1 + b.readUIntLE(24, 3), 1 + b.readUIntLE(27, 3));
  if (chunk === 'VP8 ' && b.length >= 30) return sane(b.readUInt16LE(26) & 0x3fff, b.readUInt16LE(28) & 0x3fff);
  if (chunk === 'VP8L' && b.length >= 25) {
    const bits = b.readUInt32LE(21);
    return sane((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1);
  }
  return null;
}

/** The size of an image of type `mime` whose file starts with `head`. */
export function imageSize(mime: string, head: Buffer): ImageSize {
  try {
    if (mime === 'image/png' && head.length >= 24) return sane(head.readUInt32BE(16), head.readUInt32BE(20));
    if (mime === 'image/gif' && head.length >= 10) return sane(head.readUInt16LE(6), head.readUInt16LE(8));
    if (mime === 'image/webp' && head.length >= 16) return webpSize(head);
    if (mime === 'image/jpeg') return jpegSize(head);
  } catch {
    // A truncated header: no size.
  }
  return null;
}
