import { describe, expect, it } from "vitest";
import { createFormatter } from "~/reports/index.ts";

describe("createFormatter", () => {
  it("rounds money half-even to the currency's minor units: JPY none, EUR and USD two", () => {
    expect(createFormatter("JPY", "en-US").money("1234.5")).toBe("¥1,234");
    expect(createFormatter("JPY", "en-US").money("1235.5")).toBe("¥1,236");
    expect(createFormatter("EUR", "en-US").money("1234.565")).toBe("€1,234.56");
    expect(createFormatter("EUR", "en-US").money("7")).toBe("€7.00");
    expect(createFormatter("USD", "en-US").money("0.125")).toBe("$0.12");
  });

  it("lays money out in the locale's convention, negative amounts included", () => {
    expect(createFormatter("USD", "en-US").money("-1234.5")).toBe("-$1,234.50");
    expect(createFormatter("EUR", "de-DE").money("-1234.565")).toBe("-1.234,56\u00a0€");
    expect(createFormatter("JPY", "ja-JP").money("-12345.4")).toBe("-￥12,345");
  });

  it("shows signed differences, zero without a sign", () => {
    const fmt = createFormatter("USD", "en-US");
    expect(fmt.moneyDelta("12.5")).toBe("+$12.50");
    expect(fmt.moneyDelta("-12.5")).toBe("-$12.50");
    expect(fmt.moneyDelta("0")).toBe("$0.00");
    expect(fmt.moneyDeltaCompact("-1234567")).toBe("-$1.23M");
  });

  it("compacts money to three significant digits", () => {
    expect(createFormatter("USD", "en-US").moneyCompact("4837212.01")).toBe("$4.84M");
    expect(createFormatter("USD", "en-US").moneyCompact("584603.26")).toBe("$585K");
    expect(createFormatter("EUR", "de-DE").moneyCompact("1189889.71")).toBe("1,19\u00a0Mio.\u00a0€");
  });

  it("formats percentages half-even, counts and plain numbers", () => {
    const fmt = createFormatter("USD", "en-US");
    expect(fmt.percent("0.1245")).toBe("12.4%");
    expect(fmt.percent("0.1255")).toBe("12.6%");
    expect(fmt.percent("0.5", 0)).toBe("50%");
    expect(createFormatter("EUR", "de-DE").percent("0.5")).toBe("50,0\u00a0%");
    expect(fmt.count("10000")).toBe("10,000");
    expect(fmt.countCompact("38000000000")).toBe("38B");
    expect(fmt.number("64662.2")).toBe("64,662.2");
    expect(fmt.number("0.0832")).toBe("0.0832");
    expect(fmt.decimal("3.345", 2)).toBe("3.34");
  });

  it("labels months by calendar and by number (texts count from 1)", () => {
    const fmt = createFormatter("USD", "en-US");
    expect(fmt.month("2027-01")).toBe("Jan 2027");
    expect(fmt.month("2028-12")).toBe("Dec 2028");
    expect(fmt.monthNumber(13)).toBe("month 14");
    expect(fmt.monthWithCalendar(13, "2028-02")).toBe("month 14 (Feb 2028)");
    expect(createFormatter("EUR", "de-DE").month("2027-03")).toBe("März 2027");
  });
  it("builds each currency and locale's formatter once, and still the right one past its bound", () => {
    expect(createFormatter("EUR", "de-DE")).toBe(createFormatter("EUR", "de-DE"));
    expect(createFormatter("EUR", "fr-FR")).not.toBe(createFormatter("EUR", "de-DE"));
    const first = createFormatter("CHF", "de-CH");
    const locales = Intl.NumberFormat.supportedLocalesOf(["en-AU", "en-CA", "en-IE", "en-IN", "en-NZ", "en-ZA", "es-ES", "es-MX", "it-IT", "nl-NL", "pt-BR", "sv-SE"]);
    for (const locale of locales) for (const currency of ["USD", "EUR", "JPY", "GBP", "CHF", "SEK"]) createFormatter(currency, locale);
    const again = createFormatter("CHF", "de-CH");
    expect(again).not.toBe(first);
    expect(again.money("1234.5")).toBe(first.money("1234.5"));
    expect(createFormatter("JPY", "en-US").money("1234.5")).toBe("¥1,234");
  });
});
