/** Rules shared by every name people type and others read (issue 10, item 3). */
import type { z } from "zod";
import { findHiddenCharacter } from "~/utils/control-characters.ts";

/**
 * `schema` refusing control characters and invisible formatting such as a bidirectional override
 * (U+202E), which makes a name read differently from what it is: "Invoice\u202Efdp.exe" shows as
 * "Invoiceexe.pdf". For names of organisations and scenarios and labels of share links.
 */
export function visibleText<S extends z.ZodType<string, string>>(schema: S, label: string) {
  return schema.refine((value) => findHiddenCharacter(value) === null, {
    error: (issue) => `${label}: must not contain control or invisible formatting characters (found ${findHiddenCharacter(String(issue.input)) ?? "one"})`,
  });
}
