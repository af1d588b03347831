import { describe, expect, it } from "vitest";
import { Decimal } from "~/engine/index.ts";
import {
  buildAssumptions,
  buildComparisonCsv,
  buildComparisonRows,
  buildComplianceMatrix,
  buildHeadlineCards,
  createFormatter,
  groupWarnings,
  quoteCsvField,
  summarizeHeadline,
  type ResultBundle,
} from "~/reports/index.ts";
import { EXAMPLES, loadBundle } from "./bundles.ts";

const usd = createFormatter("USD", "en-US");

describe("buildHeadlineCards", () => {
  it("leads with the cheapest option, compact, with full precision alongside", () => {
    const bundle = loadBundle("four-options-60-months");
    const cards = buildHeadlineCards(bundle, usd);
    expect(cards.map((card) => card.id)).toEqual(["cheapest", "savings", "break-even", "monte-carlo"]);
    const [cheapest, savings] = cards;
    expect(cheapest?.label).toBe("Cheapest option");
    expect(cheapest?.value).toBe("$585K");
    expect(cheapest?.fullValue).toBe(usd.money(bundle.scenario.options[1]?.totals.cash ?? ""));
    expect(cheapest?.detail).toContain("gpt-oss-120b hosted by Together");
    // Savings against the runner-up (rented H100) are the exact difference of the totals, rounded once.
    const options = bundle.scenario.options;
    const difference = new Decimal(options[3]?.totals.cash ?? "").minus(options[1]?.totals.cash ?? "");
    expect(savings?.fullValue).toBe(usd.money(difference));
  });

  it("counts blocked options against the profile and names the compliant winner", () => {
    const cards = buildHeadlineCards(loadBundle("eu-personal-data-compliance"), usd);
    expect(cards.find((card) => card.id === "cheapest")?.label).toBe("Cheapest compliant option");
    // Mistral's EU endpoint processes in EU/EFTA countries, outside the profile's EU-only processing: blocked.
    expect(cards.find((card) => card.id === "cheapest")?.detail).toContain("Own H100 cluster in our Frankfurt data centre");
    const blocked = cards.find((card) => card.id === "blocked");
    expect(blocked?.value).toBe("4 of 5");
    expect(blocked?.tone).toBe("warning");
    expect(blocked?.href).toBe("#compliance");
    expect(cards.some((card) => card.id === "monte-carlo")).toBe(false);
  });

  it("gives the break-even month against the runner-up, or says it never comes", () => {
    const eur = createFormatter("EUR", "en-GB");
    const breakEven = buildHeadlineCards(loadBundle("hybrid-overflow-eur"), eur).find((card) => card.id === "break-even");
    expect(breakEven?.value).toBe("month 47");
    expect(breakEven?.detail).toContain("Feb 2031");
    const scenario = loadBundle("hybrid-overflow-eur").scenario;
    const never: ResultBundle = {
      scenario: { ...scenario, options: scenario.options.map((option) => ({ ...option, breakEven: option.breakEven.map((entry) => ({ ...entry, month: null, calendarMonth: null })) })) },
      tornado: null,
      monteCarlo: null,
    };
    expect(buildHeadlineCards(never, eur).find((card) => card.id === "break-even")?.value).toBe("never within the horizon");
  });
});

describe("buildComparisonRows", () => {
  it.each(EXAMPLES)("has one row per option with exact raw values and sortable keys (%s)", (name) => {
    const bundle = loadBundle(name);
    const fmt = createFormatter(bundle.scenario.currency.code, "en-US");
    const rows = buildComparisonRows(bundle, fmt);
    expect(rows.map((row) => row.optionId)).toEqual(bundle.scenario.options.map((option) => option.id));
    rows.forEach((row, i) => {
      const option = bundle.scenario.options[i];
      expect(row.cashTco.raw).toBe(option?.totals.cash);
      expect(row.cashTco.text).toBe(fmt.money(option?.totals.cash ?? ""));
      expect(row.npv.raw).toBe(option?.npv);
      expect(row.breakEven).toHaveLength(rows.length - 1);
      expect(row.breakEven.some((cell) => cell.otherId === row.optionId)).toBe(false);
    });
    expect(rows.filter((row) => row.isCheapestCompliant).map((row) => row.optionId)).toEqual([summarizeHeadline(bundle.scenario).cheapest?.id]);
  });

  it("shows compliance verdict, the weaker SEAL score and the quality gap", () => {
    const rows = buildComparisonRows(loadBundle("eu-personal-data-compliance"), usd);
    const owned = rows.find((row) => row.optionId === "owned-de");
    expect(owned?.verdict.text).toBe("Compliant");
    expect(owned?.sovereignty.text).toBe("3.35 of 4");
    expect(rows.find((row) => row.optionId === "openai-eu")?.blocked).toBe(true);
    const four = buildComparisonRows(loadBundle("four-options-60-months"), usd);
    expect(four[0]?.qualityGap.text).toBe("0 (best)");
    expect(four[1]?.qualityGap.text).toBe("-24");
    expect(four[0]?.verdict.text).toBe("—");
  });

  it("says never for a break-even that does not come, with an unknown sort key", () => {
    const rows = buildComparisonRows(loadBundle("four-options-60-months"), usd);
    const frontierVsOpen = rows[0]?.breakEven.find((cell) => cell.otherId === "api-open-hosted");
    expect(frontierVsOpen?.text).toBe("never");
    expect(frontierVsOpen?.sort).toBeUndefined();
    expect(rows[2]?.breakEven.find((cell) => cell.otherId === "api-frontier")?.text).toBe("month 5 (May 2027)");
  });
});

describe("buildComparisonCsv", () => {
  it("quotes fields with commas, quotes and line breaks (RFC 4180)", () => {
    expect(quoteCsvField("plain")).toBe("plain");
    expect(quoteCsvField("a, b")).toBe('"a, b"');
    expect(quoteCsvField('say "hi"')).toBe('"say ""hi"""');
    expect(quoteCsvField("two\nlines")).toBe('"two\nlines"');
  });

  it("writes exact decimals, names with commas quoted, CRLF lines", () => {
    const bundle = loadBundle("eu-personal-data-compliance");
    const csv = buildComparisonCsv(bundle, usd);
    const lines = csv.split("\r\n");
    expect(lines).toHaveLength(bundle.scenario.options.length + 2);
    expect(lines[lines.length - 1]).toBe("");
    expect(lines[0]).toContain("cash TCO (USD)");
    expect(lines[1]).toContain('"OpenAI gpt-5-mini, EU data residency project"');
    expect(lines[1]).toContain(bundle.scenario.options[0]?.totals.cash);
    expect(lines[1]).toContain(",Blocked,");
  });

  it("neutralises text a spreadsheet would run as a formula", () => {
    const bundle = loadBundle("hybrid-overflow-eur");
    const scenario = bundle.scenario;
    const hostile: ResultBundle = { ...bundle, scenario: { ...scenario, options: scenario.options.map((option, i) => (i === 0 ? { ...option, name: '=HYPERLINK("x")' } : option)) } };
    const csv = buildComparisonCsv(hostile, createFormatter("EUR"));
    expect(csv.split("\r\n")[1]).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

describe("groupWarnings", () => {
  it("lists a stale catalogue entry once, naming every option that uses it", () => {
    const bundle = loadBundle("four-options-60-months");
    const stale = groupWarnings(bundle).find((group) => group.code === "stale-catalogue-entry");
    const perOption = bundle.scenario.options.flatMap((option) => option.warnings.filter((warning) => warning.code === "stale-catalogue-entry"));
    const salary = stale?.entries.filter((entry) => entry.message.includes("salary.us-software-developer"));
    expect(salary).toHaveLength(1);
    expect(salary?.[0]?.options.map((option) => option.id)).toEqual(["owned-h100", "rented-h100"]);
    // Seven distinct entries, though the options raise eight warnings between them.
    expect(perOption).toHaveLength(8);
    expect(stale?.entries).toHaveLength(7);
  });

  it("groups by code in a fixed order and keeps scenario-wide warnings without options", () => {
    const groups = groupWarnings(loadBundle("four-options-60-months"));
    expect(groups.map((group) => group.code)).toEqual(["stale-catalogue-entry", "quality-gap", "utilisation-below-target"]);
    expect(groups.find((group) => group.code === "quality-gap")?.entries[0]?.options).toEqual([]);
    const idle = groups.find((group) => group.code === "utilisation-below-target")?.entries[0];
    expect(idle?.options).toHaveLength(2);
    expect(idle?.month).toBe(0);
  });
});

describe("buildComplianceMatrix", () => {
  it("is null without a compliance profile", () => {
    expect(buildComplianceMatrix(loadBundle("four-options-60-months"))).toBeNull();
  });

  it("crosses options with the profile's requirements, worst severity per cell, with dated sources", () => {
    const matrix = buildComplianceMatrix(loadBundle("eu-personal-data-compliance"));
    expect(matrix?.cheapest?.optionId).toBe("owned-de");
    const foreign = matrix?.requirements.find((row) => row.requirement === "requirements.noForeignAccessLaw");
    // Mistral: its sub-processors are not declared, a condition to verify.
    expect(foreign?.cells.map((cell) => cell.status)).toEqual(["block", "block", "condition", "met", "condition"]);
    const reason = foreign?.cells[0]?.reasons[0];
    expect(reason?.source.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(reason?.ruleSource).toMatchObject({ publisher: "U.S. Department of Justice", title: "CLOUD Act Resources", urls: ["https://www.justice.gov/criminal/cloud-act-resources"], thirdParty: false });
    expect(foreign?.cells[2]?.reasons[0]?.source).toMatchObject({ confidence: "low", thirdParty: true });
    expect(matrix?.requirements.map((row) => row.requirement)).toContain("requirements.minSeal.SOV-2");
  });

  it("gives SEAL levels per objective, with overrides and minimums", () => {
    const matrix = buildComplianceMatrix(loadBundle("eu-personal-data-compliance"));
    const owned = matrix?.options.find((option) => option.optionId === "owned-de")?.deployments[0];
    expect(owned?.seal).toHaveLength(8);
    expect(owned?.seal[7]?.override?.justification).toContain("PUE");
    expect(owned?.seal[7]?.derivedLevel).toBe(0);
    expect(owned?.seal[7]?.level).toBe(2);
    const openai = matrix?.options.find((option) => option.optionId === "openai-eu")?.deployments[0];
    expect(openai?.seal[1]?.minimum).toBe(2);
    expect(openai?.seal[1]?.belowMinimum).toBe(true);
  });
});

describe("buildAssumptions", () => {
  it("lists each catalogue value once with its sources and date, judged stale by the limit of its kind", () => {
    const bundle = loadBundle("hybrid-overflow-eur");
    const { rows, scenarioFacts } = buildAssumptions(bundle, createFormatter("EUR", "en-GB"));
    expect(scenarioFacts.find((fact) => fact.label === "Currency")?.value).toContain("0.92 per USD");
    const gpu = rows.find((row) => row.field === "primary.gpu.unitPrice");
    expect(gpu?.status).toBe("catalogue");
    expect(gpu?.valueText).toBe("34,500 EUR per GPU");
    expect(gpu?.source?.citations).toEqual([
      { publisher: "CloudZero", title: "H100 GPU cost analysis, 2026 (buy vs rent)", url: "https://www.cloudzero.com/blog/h100-gpu-cost/", date: "2026-06-01" },
      { publisher: "AI Intel Report", title: "On-Premise AI Cost & TCO: The Real 2026 Breakdown", url: "https://aiintelreport.com/enterprise-ai/on-premise-ai-cost-tco", date: "2026-06-14" },
    ]);
    // 177 days old: within the 180 of GPU prices. An API price 116 days old is past the 90 of its kind.
    expect(gpu?.stale).toBe(false);
    expect(rows.find((row) => row.field === "inputPricePerMillion")?.stale).toBe(true);
    for (const row of rows.filter((item) => item.entry !== null)) expect(row.source?.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Set(rows.map((row) => row.key)).size).toBe(rows.length);
  });

  it("lists an override with the catalogue's value and the scenario's own source", () => {
    const { rows } = buildAssumptions(loadBundle("four-options-60-months"), usd);
    const staff = rows.find((row) => row.field === "staffing.loadedCostPerFteYear");
    expect(staff?.status).toBe("override");
    expect(staff?.valueText).toBe("190,000 USD per FTE-year");
    expect(staff?.catalogueValueText).toBe("133,080 USD per FTE-year");
    expect(staff?.overrideSource?.source).toContain("loaded-cost multiplier");
    expect(staff?.source?.citations[0]).toMatchObject({ publisher: "U.S. Bureau of Labor Statistics", url: "https://www.bls.gov/ooh/computer-and-information-technology/software-developers.htm" });
    expect(staff?.stale).toBe(true);
  });

  it("shows a result stored before sources were structured with its free text, judged by its 180 days", () => {
    const bundle = loadBundle("hybrid-overflow-eur");
    const legacy: ResultBundle = {
      ...bundle,
      scenario: {
        ...bundle.scenario,
        options: bundle.scenario.options.map((option) => ({
          ...option,
          catalogueValues: option.catalogueValues.map((used) => {
            if (used.catalogue === null) return used;
            const { sources: _sources, staleAfterDays: _days, ...rest } = used.catalogue;
            return { ...used, catalogue: { ...rest, source: "simonw/llm-prices and vendor price pages, snapshot 2026-08", sourceUrl: "https://github.com/simonw/llm-prices" } } as unknown as typeof used;
          }),
        })),
      },
    };
    const price = buildAssumptions(legacy, createFormatter("EUR", "en-GB")).rows.find((row) => row.field === "inputPricePerMillion");
    expect(price?.source?.citations).toEqual([{ publisher: null, title: "simonw/llm-prices and vendor price pages, snapshot 2026-08", url: "https://github.com/simonw/llm-prices", date: "2026-08-01" }]);
    expect(price?.stale).toBe(false);
  });

  it("merges a value shared by several options into one row", () => {
    const { rows } = buildAssumptions(loadBundle("four-options-60-months"), usd);
    const salary = rows.filter((row) => row.entry?.id === "salary.us-software-developer" && row.field === "staffing.loadedCostPerFteYear");
    expect(salary).toHaveLength(1);
    expect(salary[0]?.options.map((option) => option.id)).toEqual(["owned-h100", "rented-h100"]);
  });
});
