/**
 * The model's conventions as a reader needs them, each with a one-line example: the one source of these
 * texts for the methodology page (app/routes/methodology.tsx) and the PDF's methodology summary
 * (app/reports/pdf/model.ts). Every example's figures are recomputed with the engine by
 * tests/scenarios/conventions.test.ts; change an example and its test together. Months in the texts
 * count from 1, as people read them (the engine's month index counts from 0).
 */
export interface ModelConvention {
  id: "spares" | "opex-inflation" | "staff-ramp-up" | "resale-month" | "declining-balance" | "rented-idle" | "long-context" | "currency";
  title: string;
  /** The rule, in full sentences. */
  text: string;
  /** One line with figures, checked against the engine. */
  example: string;
}

export const MODEL_CONVENTIONS: readonly ModelConvention[] = [
  {
    id: "spares",
    title: "Spare nodes (N+k)",
    text:
      "The k spare nodes are the k most capable nodes in service, which are the newest, since a node bought later is never slower; they are never counted as usable, and every other node serves. " +
      "While the newest purchase holds at least k nodes, the spares are k times the newest node's capacity. In a month where demand exceeds the usable capacity, the plan buys the fewest whole nodes that cover it, within the node cap, so a purchase never lowers the usable capacity. " +
      "A node cap (maxNodes) must be above k.",
    example:
      "With N+3, four nodes of performance 1 and a newer one of performance 1.78 in service, the spares are the new node and two old ones: 5.78 − 3.78 = 2 GPUs of performance 1 are usable.",
  },
  {
    id: "opex-inflation",
    title: "What opex inflation applies to",
    text:
      "Opex inflation applies to power, facility, maintenance, staff, software licences and extra cost lines. API bills and GPU rentals do not inflate: they follow their own yearly price declines. A setup cost is paid once, in month 1, as entered.",
    example: "At 12 % a year, staff costing 10,000 in month 1 cost 11,200 in month 13, while an API bill of 2,628 a month with no price decline stays 2,628.",
  },
  {
    id: "staff-ramp-up",
    title: "Staff ramp-up",
    text: "With a ramp-up of R months, month n pays n ÷ R of the full team's cost, and month R onwards pays all of it.",
    example: "With a 3-month ramp-up and a full team at 10,000 a month, months 1, 2 and 3 pay 3,333.33, 6,666.67 and 10,000.",
  },
  {
    id: "resale-month",
    title: "When resale proceeds arrive",
    text:
      "A cohort bought in month b with a refresh cycle of R months serves months b to b + R − 1. Its resale proceeds arrive in month b + R, the first month it is out of service, which is also the month its replacement is bought if demand needs one.",
    example: "A node bought in month 1 for 12,000 with a 12-month refresh cycle and a 25 % resale value serves months 1 to 12, and 3,000 comes back in month 13.",
  },
  {
    id: "declining-balance",
    title: "Declining-balance depreciation",
    text:
      "Each month writes off the yearly rate, compounded monthly, of the remaining book value, never below the resale value; the last month of the useful life writes the book value down to the resale value.",
    example:
      "12,000 of hardware with a 12-month life, a 25 % resale value and 40 % a year: month 1 writes off 500.11, and month 12 the remaining 4,513.11, bringing the book value to 3,000.",
  },
  {
    id: "rented-idle",
    title: "Rented instances follow demand, spares included",
    text: "Rented GPUs are whole instances, counted afresh each month: the instances the month's demand needs, plus the k spares. In a month with no demand, no instance is rented, spares neither.",
    example: "With N+1 and 4-GPU instances, a month needing 2 GPUs rents 2 instances (8 GPUs), and a month with no requests rents none.",
  },
  {
    id: "long-context",
    title: "The long-context price tier",
    text:
      "The long-context prices apply to the share of input and output tokens you enter as being in long requests (tokenShare). The threshold (aboveInputTokens) is recorded with the tier for reference and does not change the cost: the workload states average request sizes, not their distribution, so the share decides.",
    example: "With 20 % of tokens in long requests at twice the standard prices, an API bill of 2,628 a month becomes 3,153.60, whatever the threshold.",
  },
  {
    id: "currency",
    title: "Currency of entered and catalogue values",
    text:
      "Every value in a scenario is in the scenario's currency and is used as entered: it is never converted by the exchange rate (perUsd). Catalogue values are in US dollars and are converted at perUsd wherever they are offered or shown beside the scenario's values.",
    example: "In a EUR scenario at 0.92 EUR per USD, a GPU entered at 30,000 costs 30,000 EUR, and the catalogue's H100 at 37,500 USD is shown as 34,500 EUR.",
  },
];
