import { Decimal, type ScenarioResult, type Serialized } from "~/engine/index.ts";

/** An option in the headline: its id, name and horizon cash TCO (exact decimal string, scenario currency). */
export interface HeadlineOption {
  id: string;
  name: string;
  cashTotal: string;
}

/** The few figures a list row, a history entry or a headline card shows for a result. */
export interface Headline {
  /** ISO 4217 code of every amount here. */
  currency: string;
  /** The option with the lowest horizon cash TCO among those compliance does not block (all options
   * without a compliance profile); null when every option is blocked. */
  cheapest: HeadlineOption | null;
  /** The next cheapest of the same options; null when fewer than two are eligible. */
  runnerUp: HeadlineOption | null;
  /** runnerUp.cashTotal − cheapest.cashTotal (≥ 0), exact, unrounded; null without a runner-up. */
  savingsVsRunnerUp: string | null;
  /**
   * When the cheapest pays off against the runner-up: the engine's break-even of cheapest against
   * runner-up, i.e. the first 0-based month from which the cheapest's cumulative cash stays at or
   * below the runner-up's until the horizon end. 0 means cheaper from the first month (nothing to
   * pay back); null (with calendarMonth null) without a runner-up, or if it never stays below.
   */
  breakEven: { month: number | null; calendarMonth: string | null };
  /** Options compliance blocks (0 without a compliance profile). */
  blockedCount: number;
}

type SerializedOption = Serialized<ScenarioResult>["options"][number];

function toHeadlineOption(option: SerializedOption): HeadlineOption {
  return { id: option.id, name: option.name, cashTotal: option.totals.cash };
}

/**
 * The headline of a computed scenario: cheapest eligible option, runner-up, the saving and the
 * break-even month between them. Decimal comparison of the exact totals; ties keep scenario order,
 * as the engine's own cheapest-compliant pick does.
 */
export function summarizeHeadline(result: Serialized<ScenarioResult>): Headline {
  const isBlocked = (option: SerializedOption) => option.compliance?.verdict === "blocked";
  const eligible = result.options
    .filter((option) => !isBlocked(option))
    .map((option) => ({ option, total: new Decimal(option.totals.cash) }))
    .sort((a, b) => a.total.comparedTo(b.total));
  const [first, second] = eligible;
  const breakEven = first && second ? first.option.breakEven.find((entry) => entry.otherId === second.option.id) : undefined;
  return {
    currency: result.currency.code,
    cheapest: first ? toHeadlineOption(first.option) : null,
    runnerUp: second ? toHeadlineOption(second.option) : null,
    savingsVsRunnerUp: first && second ? second.total.minus(first.total).toFixed() : null,
    breakEven: { month: breakEven?.month ?? null, calendarMonth: breakEven?.calendarMonth ?? null },
    blockedCount: result.options.length - eligible.length,
  };
}
