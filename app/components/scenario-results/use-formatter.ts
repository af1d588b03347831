import { useMemo } from "react";
import { createFormatter, type Formatter } from "~/reports/index.ts";

/** One formatter per (currency, locale), kept across renders. */
export function useFormatter(currency: string, locale: string): Formatter {
  return useMemo(() => createFormatter(currency, locale), [currency, locale]);
}
