/** ISO 4217 codes an organisation may use as its default currency. */
export const CURRENCIES = ["USD", "EUR", "GBP", "CHF"] as const;
export type Currency = (typeof CURRENCIES)[number];

export const CURRENCY_LABELS: Record<Currency, string> = {
  USD: "USD — US dollar",
  EUR: "EUR — Euro",
  GBP: "GBP — Pound sterling",
  CHF: "CHF — Swiss franc",
};
