import { buildHeadlineCards, type HeadlineCard, type ResultBundle } from "~/reports/index.ts";
import { useFormatter } from "./use-formatter.ts";

export interface HeadlineCardsProps {
  bundle: ResultBundle;
  /** BCP 47 locale of the reader, e.g. "de-DE"; money stays in the scenario's currency. */
  locale: string;
}

/**
 * The answer first: cheapest compliant option, savings, break-even, Monte Carlo range, blocked options.
 * Compact figures; the full-precision amount is in each value's title attribute.
 */
export function HeadlineCards({ bundle, locale }: HeadlineCardsProps) {
  const fmt = useFormatter(bundle.scenario.currency.code, locale);
  return <HeadlineCardList cards={buildHeadlineCards(bundle, fmt)} />;
}

/** Cards already built (e.g. by a loader, which then need not ship the whole result to the page). */
export function HeadlineCardList({ cards }: { cards: readonly HeadlineCard[] }) {
  return (
    <section className="headline-cards" aria-label="Headline results">
      <ul>
        {cards.map((card) => (
          <li key={card.id} data-headline={card.id} className={card.tone === "warning" ? "headline-card headline-card--warning" : "headline-card"}>
            <p className="headline-card__label">{card.label}</p>
            <p className="headline-card__value" title={card.fullValue ?? undefined}>
              {card.value}
            </p>
            <p className="headline-card__detail">
              {card.detail}
              {card.href ? (
                <>
                  {" "}
                  <a href={card.href}>Details</a>
                </>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
