/**
 * The PDF's one typeface, embedded: Inter (SIL Open Font License 1.1) from the @fontsource/inter npm
 * package, read from node_modules — nothing is fetched. Its Latin subset covers every character the
 * reports print in the supported locales (€, £, −, the narrow no-break space of fr-FR, the ’ of de-CH);
 * the Latin Extended subset is the fallback for names in other Latin scripts.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { inflateSync } from "node:zlib";
import { Font } from "@react-pdf/renderer";

export const FONT_FAMILY = "Inter";
const FALLBACK_FAMILY = "Inter Latin Extended";

/** The families a text style lists: Inter, then its extended subset for characters Inter's Latin lacks. */
export const FONT_STACK = [FONT_FAMILY, FALLBACK_FAMILY];

const WEIGHTS = [400, 600, 700] as const;
let registered = false;

/**
 * The plain TrueType (sfnt) font inside a WOFF 1.0 file, without the tables named in `dropTags`.
 * fontkit reads WOFF directly but inflates a table again on every access (each glyph), which made a
 * 10-page report take seconds; an sfnt is read in place. Layout: WOFF header (44 bytes) and 20-byte
 * table entries → sfnt header (12 bytes), 16-byte table records and the tables, each padded to 4 bytes
 * (OpenType spec, "Font file").
 */
export function convertWoffToSfnt(woff: Buffer, dropTags: readonly string[] = []): Buffer {
  if (woff.readUInt32BE(0) !== 0x774f4646) throw new Error("Not a WOFF 1.0 font");
  const flavor = woff.readUInt32BE(4);
  const entries = Array.from({ length: woff.readUInt16BE(12) }, (_, i) => 44 + i * 20).filter((entry) => !dropTags.includes(woff.toString("latin1", entry, entry + 4)));
  const numTables = entries.length;
  const tables = entries.map((entry) => {
    const offset = woff.readUInt32BE(entry + 4);
    const compLength = woff.readUInt32BE(entry + 8);
    const origLength = woff.readUInt32BE(entry + 12);
    const stored = woff.subarray(offset, offset + compLength);
    return { tag: woff.readUInt32BE(entry), checksum: woff.readUInt32BE(entry + 16), data: compLength < origLength ? inflateSync(stored) : stored };
  });
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  const header = Buffer.alloc(12 + numTables * 16);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(numTables * 16 - searchRange, 10);
  const chunks: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((table, i) => {
    const record = 12 + i * 16;
    header.writeUInt32BE(table.tag, record);
    header.writeUInt32BE(table.checksum, record + 4);
    header.writeUInt32BE(offset, record + 8);
    header.writeUInt32BE(table.data.length, record + 12);
    const padded = Buffer.alloc(Math.ceil(table.data.length / 4) * 4);
    table.data.copy(padded);
    chunks.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(chunks);
}

/**
 * Glyph substitutions (GSUB: Inter's contextual alternates and ligatures) are left out: shaping them
 * was the largest cost of a render, and without ligatures the text a reader copies or searches is
 * exactly the text printed. Kerning (GPOS) stays.
 */
const DROPPED_TABLES = ["GSUB"];

/** Registers the fonts once per process (or worker); safe to call before every render. */
export function registerFonts(): void {
  if (registered) return;
  const require = createRequire(import.meta.url);
  const source = (subset: string, weight: number) => {
    const sfnt = convertWoffToSfnt(readFileSync(require.resolve(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff`)), DROPPED_TABLES);
    return `data:font/ttf;base64,${sfnt.toString("base64")}`;
  };
  Font.register({ family: FONT_FAMILY, fonts: WEIGHTS.map((fontWeight) => ({ src: source("latin", fontWeight), fontWeight })) });
  Font.register({ family: FALLBACK_FAMILY, fonts: WEIGHTS.map((fontWeight) => ({ src: source("latin-ext", fontWeight), fontWeight })) });
  // Words are never hyphenated: a fingerprint or an amount split across lines would not verify.
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}

/** Characters the reports may contain that Inter's Latin subsets lack, with what is printed instead. */
const SUBSTITUTES: Record<string, string> = { "≥": ">=", "≤": "<=", "→": "->", "←": "<-", "★": "*", "≈": "~", "✓": "yes", "✗": "no" };
const UNPRINTABLE = new RegExp(`[${Object.keys(SUBSTITUTES).join("")}]`, "g");

/**
 * `value` with every string in it made printable in the embedded fonts (see SUBSTITUTES), so no text
 * falls back to a font that is not embedded. Plain data in, plain data out.
 */
export function toPrintable<T>(value: T): T {
  if (typeof value === "string") return value.replace(UNPRINTABLE, (character) => SUBSTITUTES[character] ?? character) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => toPrintable(item)) as T;
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toPrintable(item)])) as T;
  return value;
}
