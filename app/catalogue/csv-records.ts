/**
 * CSV records as RFC 4180 writes them (comma-separated, fields optionally in double quotes with `""`
 * for a quote, CRLF or LF line ends), each with the file line it starts on. Spreadsheets quote a field
 * that holds a comma, so a label such as "Gemini 2.5 Pro, long context" survives the round trip.
 */

export interface CsvRecord {
  /** 1-based line of the file where the record starts. */
  line: number;
  cells: string[];
}

export type CsvResult = { ok: true; records: CsvRecord[] } | { ok: false; line: number; reason: string };

/** Splits `text` into records; blank lines are dropped. A quote left open fails the whole file. */
export function readCsvRecords(text: string): CsvResult {
  const records: CsvRecord[] = [];
  let line = 1;
  let recordLine = 1;
  let cells: string[] = [];
  let cell = "";
  let position = 0;

  function endRecord(): void {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== "") records.push({ line: recordLine, cells });
    cells = [];
    cell = "";
  }

  while (position < text.length) {
    const character = text[position];
    if (character === '"' && cell === "") {
      const quoteLine = line;
      position += 1;
      for (;;) {
        if (position >= text.length) return { ok: false, line: quoteLine, reason: "a quoted field is not closed" };
        const inside = text[position];
        if (inside === '"') {
          if (text[position + 1] === '"') {
            cell += '"';
            position += 2;
            continue;
          }
          position += 1;
          break;
        }
        if (inside === "\n") line += 1;
        cell += inside;
        position += 1;
      }
      const after = text[position];
      if (after !== undefined && after !== "," && after !== "\n" && after !== "\r") {
        return { ok: false, line, reason: "a quoted field must end at a comma or the end of the line" };
      }
      continue;
    }
    if (character === ",") {
      cells.push(cell);
      cell = "";
      position += 1;
      continue;
    }
    if (character === "\r" || character === "\n") {
      position += character === "\r" && text[position + 1] === "\n" ? 2 : 1;
      endRecord();
      line += 1;
      recordLine = line;
      continue;
    }
    cell += character;
    position += 1;
  }
  if (cell !== "" || cells.length > 0) endRecord();
  return { ok: true, records };
}
