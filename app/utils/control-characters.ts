/**
 * Characters no input of ours may carry (issue 10, "bad bytes"): PostgreSQL refuses NUL in text, and
 * the other control characters are invisible, reorder what a reader sees (bidirectional overrides such
 * as U+202E) or break the line a log or a terminal shows. Shared by the server's URL guard, the form
 * reader and the name schemas.
 */

/** C0 controls (NUL … U+001F), DEL and the C1 controls (U+0080–U+009F). */
// eslint-disable-next-line no-control-regex -- finding control characters is this module's purpose
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
/** The same without tab, line feed and carriage return, which multi-line text fields legitimately hold. */
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_EXCEPT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
/**
 * Invisible formatting characters: zero-width spaces and joiners, bidirectional marks, embeddings,
 * overrides and isolates, the line and paragraph separators, word joiners and the byte-order mark.
 */
const INVISIBLE_FORMAT = /[\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/u;

/** What escapeControlCharacters() rewrites: CONTROL and INVISIBLE_FORMAT less tab and line feed. */
const ESCAPED_ON_TERMINALS = new RegExp(`(?![\\t\\n])(?:${CONTROL.source}|${INVISIBLE_FORMAT.source})`, "gu");

/** "U+202E": how a message names the character it refuses. */
function describe(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** The first control character in `value` ("U+0000"), or null. Tab, LF and CR pass when `allowLineBreaks`. */
export function findControlCharacter(value: string, { allowLineBreaks = false }: { allowLineBreaks?: boolean } = {}): string | null {
  const found = (allowLineBreaks ? CONTROL_EXCEPT_LINE_BREAKS : CONTROL).exec(value);
  return found ? describe(found[0]) : null;
}

/** The first control or invisible formatting character in a name ("U+202E"), or null. */
export function findHiddenCharacter(value: string): string | null {
  const found = CONTROL.exec(value) ?? INVISIBLE_FORMAT.exec(value);
  return found ? describe(found[0]) : null;
}

/**
 * `text` with every control and invisible formatting character written as a `\uXXXX` escape, line
 * feeds and tabs kept: for text from a file that goes to a terminal, where ESC sequences and C1
 * controls would move the cursor, clear the screen or retitle the window. The escape is also valid
 * inside a JSON string, so JSON output stays JSON.
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(ESCAPED_ON_TERMINALS, (character) => `\\u${(character.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`);
}

const HIDDEN_OR_SPACE = new RegExp(`(?:\\s|${CONTROL.source}|${INVISIBLE_FORMAT.source})+`, "gu");

/**
 * An uploaded file's name as messages and notes show it: the browser sends whatever the file system
 * holds, so runs of white space, control and invisible formatting characters become one space, the
 * name is cut at 200 characters (code points, so no surrogate pair is split), and a name with nothing
 * visible left reads "unnamed file".
 */
export function displayFileName(name: string): string {
  const visible = name.replace(HIDDEN_OR_SPACE, " ").trim();
  return Array.from(visible).slice(0, 200).join("").trim() || "unnamed file";
}
