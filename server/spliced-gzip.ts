/**
 * Gzip for a body that is the same on every answer but for a few bytes (a kept page and its CSP
 * nonce, server/kept-body.ts): the unchanging pieces are compressed once, the nonce goes in between
 * them as a stored (uncompressed) block, and a gzip header and trailer go around it all. The result is
 * one ordinary gzip member (RFC 1952) holding one deflate stream (RFC 1951): any client that accepts
 * gzip reads it. The trailer's CRC-32 is combined from the pieces' own, computed once, and the
 * nonce's, so an answer costs neither compression nor a pass over the body.
 */
import zlib from "node:zlib";

/** Pieces ready to be spliced: each compressed on its own, with its CRC-32 and length. */
export interface SplicablePieces {
  deflated: Buffer[];
  crcs: number[];
  lengths: number[];
}

/** Each piece compressed on its own, ending on a byte boundary without a final block (a full flush). */
export function preparePieces(pieces: readonly Buffer[]): SplicablePieces {
  return {
    deflated: pieces.map((piece) => zlib.deflateRawSync(piece, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH })),
    crcs: pieces.map(crc32),
    lengths: pieces.map((piece) => piece.length),
  };
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

/** An empty buffer's CRC-32 is 0; zlib is not asked (ADR 018: Node's zlib.crc32 of an empty buffer may ignore the CRC it is given). */
function crc32(data: Buffer): number {
  return data.length > 0 ? zlib.crc32(data) : 0;
}

// CRC-32 arithmetic in GF(2) modulo its polynomial (reflected), as zlib's crc32_combine does it.
const POLYNOMIAL = 0xedb88320;
const TOP_BIT = 0x80000000;

/** a(x)·b(x) modulo the CRC-32 polynomial, both reflected. */
function multiplyModP(a: number, b: number): number {
  let product = 0;
  for (let bit = TOP_BIT; bit !== 0; bit >>>= 1) {
    if (a & bit) product ^= b;
    b = b & 1 ? (b >>> 1) ^ POLYNOMIAL : b >>> 1;
  }
  return product >>> 0;
}

/** x^(2^k) modulo the polynomial, k = 0…31. */
const X_TO_2_TO_K: number[] = [];
for (let k = 0, power = TOP_BIT >>> 1; k < 32; k++, power = multiplyModP(power, power)) X_TO_2_TO_K.push(power);

/** The CRC-32 of A followed by B, from CRC(A), CRC(B) and B's length. */
export function combineCrc32(crcA: number, crcB: number, lengthB: number): number {
  // CRC(A·B) = CRC(A)·x^(8·lengthB) + CRC(B): the power is built from its binary digits.
  let shift = TOP_BIT;
  for (let bits = lengthB * 8, k = 0; bits > 0; bits = Math.floor(bits / 2), k++) {
    if (bits % 2 === 1) shift = multiplyModP(X_TO_2_TO_K[k % 32] as number, shift);
  }
  return (multiplyModP(shift, crcA) ^ crcB) >>> 0;
}

/**
 * The gzip of pieces[0] + insert + pieces[1] + insert + … + pieces[n-1], as the buffers to write in
 * order (their total is the answer's length).
 */
export function spliceGzip(pieces: SplicablePieces, insert: Buffer): Buffer[] {
  const parts: Buffer[] = [GZIP_HEADER];
  const insertBlocks = storedBlocks(insert);
  const insertCrc = crc32(insert);
  let crc = 0;
  let length = 0;
  pieces.deflated.forEach((deflated, index) => {
    if (index > 0) {
      parts.push(...insertBlocks);
      crc = combineCrc32(crc, insertCrc, insert.length);
      length += insert.length;
    }
    parts.push(deflated);
    crc = combineCrc32(crc, pieces.crcs[index] as number, pieces.lengths[index] as number);
    length += pieces.lengths[index] as number;
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc, 0);
  trailer.writeUInt32LE(length >>> 0, 4);
  parts.push(FINAL_BLOCK, trailer);
  return parts;
}
