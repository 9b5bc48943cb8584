// Reads a PNG by hand (no image library), for tests of the built chart and share images.
import { crc32, inflateSync } from 'node:zlib';

export interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  interlace: number;
  /** Bytes of the inflated IDAT stream, and the length a non-interlaced image of this size must have. */
  inflated: number;
  expectedInflated: number;
}

/** Reads a PNG by hand (no image library): checks the signature and every chunk CRC, reads IHDR, inflates IDAT. */
export function readPng(buffer: Buffer): PngInfo {
  const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!buffer.subarray(0, 8).equals(SIGNATURE)) throw new Error(`bad PNG signature ${buffer.subarray(0, 8).toString('hex')}`);
  let offset = 8;
  let ihdr: Buffer | null = null;
  const idat: Buffer[] = [];
  let sawEnd = false;
  while (offset + 12 <= buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    const data = buffer.subarray(offset + 8, offset + 8 + length);
    const crc = buffer.readUInt32BE(offset + 8 + length);
    if (crc32(buffer.subarray(offset + 4, offset + 8 + length)) !== crc) throw new Error(`bad CRC in ${type} chunk at byte ${offset}`);
    if (offset === 8 && type !== 'IHDR') throw new Error(`first chunk is ${type}, not IHDR`);
    if (type === 'IHDR') ihdr = Buffer.from(data);
    if (type === 'IDAT') idat.push(Buffer.from(data));
    offset += 12 + length;
    if (type === 'IEND') {
      sawEnd = true;
      break;
    }
  }
  if (!ihdr || ihdr.length !== 13) throw new Error('missing or malformed IHDR');
  if (!sawEnd) throw new Error('missing IEND (truncated file?)');
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const bitDepth = ihdr[8]!;
  const colourType = ihdr[9]!;
  const interlace = ihdr[12]!;
  const channels: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
  const rowBytes = Math.ceil((width * (channels[colourType] ?? NaN) * bitDepth) / 8);
  return {
    width,
    height,
    bitDepth,
    colourType,
    interlace,
    inflated: inflateSync(Buffer.concat(idat)).length,
    expectedInflated: height * (1 + rowBytes),
  };
}
