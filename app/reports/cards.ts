/**
 * The headline cards above everything: the answer in five seconds. Values are compact ($4.84M); the
 * full-precision amount travels with each card for its title attribute or tooltip.
 */
import type { Formatter } from "./format.ts";
import { summarizeHeadline } from "./headline.ts";
import type { ResultBundle } from "./types.ts";

export interface HeadlineCard {
  id: "cheapest" | "savings" | "break-even" | "monte-carlo" | "blocked";
  label: string;
  /** Compact figure or short phrase, e.g. "$4.84M", "month 14", "never within the horizon". */
  value: string;
  /** Full precision of the value (title attribute), or null when the value is already exact. */
  fullValue: string | null;
  /** One line of context: the option, the comparison, the unit. */
  detail: string;
  /** "warning" asks for attention (blocked options, nothing compliant); never the only cue: the text says it. */
  tone: "neutral" | "warning";
  /** In-page link to the section that explains the card, e.g. "#compliance". */
  href: string | null;
}

/** The cards in reading order; the Monte Carlo card only with a run, the blocked card only with a profile. */
export function buildHeadlineCards(bundle: ResultBundle, fmt: Formatter): HeadlineCard[] {
  const { scenario, monteCarlo } = bundle;
  const headline = summarizeHeadline(scenario);
  const { cheapest, runnerUp } = headline;
  const horizon = `${scenario.horizonMonths} months`;
  const withProfile = scenario.compliance !== null;
  const cards: HeadlineCard[] = [];

  cards.push(
    cheapest === null
      ? { id: "cheapest", label: "Cheapest compliant option", value: "None", fullValue: null, detail: "every option is blocked by the compliance profile", tone: "warning", href: "#compliance" }
      : {
          id: "cheapest",
          label: withProfile ? "Cheapest compliant option" : "Cheapest option",
          value: fmt.moneyCompact(cheapest.cashTotal),
          fullValue: fmt.money(cheapest.cashTotal),
          detail: `${cheapest.name} · cash TCO over ${horizon}`,
          tone: "neutral",
          href: null,
        },
  );

  cards.push(
    runnerUp === null || headline.savingsVsRunnerUp === null
      ? { id: "savings", label: "Savings vs runner-up", value: "—", fullValue: null, detail: "no other eligible option to compare with", tone: "neutral", href: null }
      : {
          id: "savings",
          label: "Savings vs runner-up",
          value: fmt.moneyCompact(headline.savingsVsRunnerUp),
          fullValue: fmt.money(headline.savingsVsRunnerUp),
          detail: `against ${runnerUp.name} over ${horizon}`,
          tone: "neutral",
          href: null,
        },
  );

  if (runnerUp !== null) {
    const { month, calendarMonth } = headline.breakEven;
    cards.push({
      id: "break-even",
      label: "Break-even vs runner-up",
      value: month === null || calendarMonth === null ? "never within the horizon" : month === 0 ? "from month 1" : fmt.monthNumber(month),
      fullValue: null,
      detail: month === null || calendarMonth === null ? `against ${runnerUp.name}` : `${fmt.month(calendarMonth)} · against ${runnerUp.name}`,
      tone: "neutral",
      href: "#chart-cumulative",
    });
  }

  const estimate = monteCarlo?.options.find((option) => option.optionId === cheapest?.id);
  if (monteCarlo && estimate) {
    const probability = monteCarlo.probabilitySelfHostingCheaper;
    cards.push({
      id: "monte-carlo",
      label: "Monte Carlo P10–P90",
      value: `${fmt.moneyCompact(estimate.p10.toFixed(2))}–${fmt.moneyCompact(estimate.p90.toFixed(2))}`,
      fullValue: `${fmt.money(estimate.p10.toFixed(2))} – ${fmt.money(estimate.p90.toFixed(2))}`,
      detail:
        probability === null
          ? `${cheapest?.name ?? ""} · ${fmt.count(String(monteCarlo.draws))} draws`
          : `self-hosting cheaper in ${fmt.percent(String(probability), 0)} of ${fmt.count(String(monteCarlo.draws))} draws`,
      tone: "neutral",
      href: "#chart-monte-carlo",
    });
  }

  if (withProfile) {
    const blocked = headline.blockedCount;
    cards.push({
      id: "blocked",
      label: "Blocked options",
      value: `${blocked} of ${scenario.options.length}`,
      fullValue: null,
      detail: blocked === 0 ? "every option meets the compliance profile" : "see which requirement blocks each",
      tone: blocked > 0 ? "warning" : "neutral",
      href: "#compliance",
    });
  }
  return cards;
}
