/**
 * Gzip for a body that is the same on every answer but for a few bytes (a kept page and its CSP
 * nonce, server/public-cache.ts): the unchanging pieces are compressed once, the nonce goes in
 * between them as a stored (uncompressed) block, and a gzip header and trailer go around it all. The
 * result is one ordinary gzip member (RFC 1952) holding one deflate stream (RFC 1951): any client
 * that accepts gzip reads it. An answer then costs a CRC-32 over the body instead of compressing it.
 */
import zlib from "node:zlib";

/** A piece compressed on its own, ending on a byte boundary without a final block (a full flush). */
export function deflatePiece(piece: Buffer): Buffer {
  return zlib.deflateRawSync(piece, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
}

// ID1 ID2, CM deflate, no flags, no modification time, no extra flags, OS unknown.
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
// An empty stored block with BFINAL set: the end of the deflate stream.
const FINAL_BLOCK = Buffer.from([1, 0, 0, 0xff, 0xff]);
/** A stored block holds at most 65,535 bytes. */
const MAX_STORED = 0xffff;

function storedBlocks(data: Buffer): Buffer[] {
  const blocks: Buffer[] = [];
  for (let start = 0; start < data.length; start += MAX_STORED) {
    const chunk = data.subarray(start, start + MAX_STORED);
    // BFINAL 0, BTYPE 00 (stored), padding to the byte; LEN and its one's complement, little-endian.
    const header = Buffer.from([0, chunk.length & 0xff, chunk.length >> 8, ~chunk.length & 0xff, (~chunk.length >> 8) & 0xff]);
    blocks.push(header, chunk);
  }
  return blocks;
}

/**
 * The gzip of pieces[0] + insert + pieces[1] + insert + … + pieces[n-1], from the pieces and their
 * deflatePiece forms.
 */
export function spliceGzip(pieces: readonly Buffer[], deflated: readonly Buffer[], insert: Buffer): Buffer {
  const parts: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  let length = 0;
  const add = (data: Buffer) => {
    // zlib's crc32 of a buffer without memory (an empty one may have none) is the initial 0, not `crc`.
    if (data.length > 0) crc = zlib.crc32(data, crc);
    length += data.length;
  };
  pieces.forEach((piece, index) => {
    if (index > 0) {
      parts.push(...storedBlocks(insert));
      add(insert);
    }
    parts.push(deflated[index] as Buffer);
    add(piece);
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length >>> 0, 4);
  parts.push(FINAL_BLOCK, trailer);
  return Buffer.concat(parts);
}
