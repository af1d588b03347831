/**
 * Warnings grouped for reading: one group per warning code, and inside it one entry per distinct
 * message (rendered from its code and parameters, messages.ts) listing every option it applies to. A
 * stale-catalogue warning's parameters are the entry's alone (id, label, date), so a catalogue entry
 * used by three options is one entry naming three options, not three repeats.
 */
import type { Warning } from "../engine/index.ts";
import { WARNING_ORDER, WARNING_TITLES } from "./labels.ts";
import { renderWarning } from "./messages.ts";
import type { ResultBundle } from "./types.ts";

export interface WarningEntry {
  message: string;
  /** The options affected, in option order; empty for a scenario-wide warning. */
  options: { id: string; name: string }[];
  /** 0-based month the warning starts in (the earliest over its options), when it has one. */
  month: number | null;
}

export interface WarningGroup {
  code: Warning["code"];
  title: string;
  entries: WarningEntry[];
}

/** Every warning of the result (options' and scenario's), grouped by code in WARNING_ORDER. */
export function groupWarnings(bundle: ResultBundle): WarningGroup[] {
  const { scenario } = bundle;
  const groups = new Map<Warning["code"], Map<string, WarningEntry>>();
  const add = (warning: Warning, option: { id: string; name: string } | null) => {
    let entries = groups.get(warning.code);
    if (!entries) groups.set(warning.code, (entries = new Map()));
    const message = renderWarning(warning);
    let entry = entries.get(message);
    if (!entry) entries.set(message, (entry = { message, options: [], month: null }));
    if (option !== null && !entry.options.some((known) => known.id === option.id)) entry.options.push(option);
    if (warning.month !== undefined) entry.month = entry.month === null ? warning.month : Math.min(entry.month, warning.month);
  };
  for (const option of scenario.options) {
    for (const warning of option.warnings) add(warning, { id: option.id, name: option.name });
  }
  for (const warning of scenario.warnings) add(warning, null);
  return WARNING_ORDER.flatMap((code) => {
    const entries = groups.get(code);
    return entries === undefined ? [] : [{ code, title: WARNING_TITLES[code], entries: [...entries.values()] }];
  });
}
