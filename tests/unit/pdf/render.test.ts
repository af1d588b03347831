/**
 * The renderer without a database: a report of a stored result, parsed back with poppler's
 * pdftotext/pdfinfo/pdffonts, must carry the stored figures, every catalogue value with its source,
 * the revision and fingerprint on every page, and the same bytes on every render.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { buildAssumptions, buildComparisonRows, createFormatter, summarizeHeadline } from "~/reports/index.ts";
import { buildCompareReport, buildScenarioReport, type ReportRevision } from "~/reports/pdf/model.ts";
import { renderReport } from "~/reports/pdf/render.tsx";
import { exampleRevision, normalise, SETTINGS } from "./fixtures.ts";
import { readPdf, type PdfReadBack } from "./pdf-text.ts";

// First renders load fonts and warm the layout engine: generous time on a shared 2-core machine.
const RENDER_TIMEOUT = 60_000;

async function renderScenario(revision: ReportRevision, settings = SETTINGS) {
  const bytes = await renderReport(buildScenarioReport({ ...settings, scenarioName: String(revision.inputs.name), revision }));
  return { bytes, pdf: readPdf(bytes) };
}

function expectFooterOnEveryPage(pdf: PdfReadBack, revision: ReportRevision) {
  const total = pdf.pages.length;
  pdf.pages.forEach((page, index) => {
    expect(page, `page ${index + 1}`).toContain(`page ${index + 1} of ${total}`);
    expect(page, `page ${index + 1}`).toContain(revision.fingerprint);
    expect(page, `page ${index + 1}`).toContain(`Revision ${revision.number} · id ${revision.id}`);
  });
}

describe("scenario report (hybrid EUR example, A4, en-US)", () => {
  const revision = exampleRevision("hybrid-overflow-eur");
  let first: { bytes: Uint8Array; pdf: PdfReadBack };

  beforeAll(async () => {
    first = await renderScenario(revision);
  }, RENDER_TIMEOUT);

  it("renders the same bytes every time (dates from the revision, never the clock)", async () => {
    const second = await renderScenario(revision);
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
  }, RENDER_TIMEOUT);

  it("states the revision's date, title and paper in the document information", () => {
    expect(first.pdf.info.CreationDate).toBe("2026-12-01T09:30:00Z");
    expect(first.pdf.info.Title).toBe(`${String(revision.inputs.name)} — revision 3`);
    expect(first.pdf.info["Page size"]).toContain("(A4)");
    expect(Number(first.pdf.info.Pages)).toBeGreaterThanOrEqual(8);
  });

  it("prints the revision, the fingerprint and page x of y on every page", () => {
    expectFooterOnEveryPage(first.pdf, revision);
  });

  it("embeds its only font (Inter), so the text is selectable and prints the same everywhere", () => {
    expect(first.pdf.fonts.length).toBeGreaterThan(0);
    for (const font of first.pdf.fonts) {
      expect(font).toMatch(/\+Inter/);
      expect(font).toMatch(/\byes\s+yes\s+yes\b/);
    }
  });

  it("shows the stored figures of every option, exactly as the presenter formats them", () => {
    const fmt = createFormatter("EUR", "en-US");
    const text = normalise(first.pdf.text);
    for (const row of buildComparisonRows(revision.result, fmt)) {
      for (const cell of [row.cashTco, row.accountingTco, row.npv, row.costPerMillionTokens]) expect(text).toContain(normalise(cell.text));
    }
    const headline = summarizeHeadline(revision.result.scenario);
    expect(text).toContain(normalise(fmt.money(headline.cheapest?.cashTotal ?? "")));
    expect(text).toContain(normalise(fmt.money(headline.savingsVsRunnerUp ?? "")));
  });

  it("gives the cover's facts: organisation, scenario, revision, date, author, currency", () => {
    const cover = first.pdf.pages[0] as string;
    for (const expected of ["Acme Research", String(revision.inputs.name), "Revision 3", "December 1, 2026", "cto@acme.test", "EUR (Euro)", revision.id]) {
      expect(cover).toContain(expected);
    }
  });

  it("gives the executive summary: savings vs each alternative, break-even, top drivers, Monte Carlo, warnings", () => {
    // Figure labels are printed in capitals (text-transform), so compare without case.
    const summary = normalise(first.pdf.pages.slice(1, 4).join(" ")).toLowerCase();
    for (const expected of ["Executive summary", "Savings against each alternative", "Break-even", "What moves the answer most", "P10–P90", "Probability self-hosting is cheaper", "Key warnings"]) {
      expect(summary).toContain(expected.toLowerCase());
    }
  });

  it("lists every catalogue value with each source's publisher, title, date and URL, and flags overrides", () => {
    const text = normalise(first.pdf.text);
    const { rows } = buildAssumptions(revision.result, createFormatter("EUR", "en-US"));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((row) => (row.source?.citations.length ?? 0) > 0)).toBe(true);
    for (const row of rows) {
      expect(text).toContain(normalise(`${row.field} = ${row.valueText}`));
      if (row.source === null) continue;
      expect(text).toContain(row.source.asOf);
      for (const citation of row.source.citations) {
        expect(text).toContain(normalise(`Source: ${citation.publisher === null ? "" : `${citation.publisher}, `}${citation.title}, ${citation.date}`));
        if (citation.url !== null) expect(text).toContain(citation.url);
      }
      if (row.status === "override") expect(text).toContain(normalise(`${row.field} = ${row.valueText} · Override`));
    }
  });

  it("has a methodology and a glossary", () => {
    expect(first.pdf.text).toContain("Methodology");
    expect(first.pdf.text).toContain("Glossary");
  });
});

describe("page size and locale follow the organisation's settings", () => {
  it("prints Letter pages with German numbers and the scenario's currency", async () => {
    const revision = exampleRevision("four-options-60-months", 1);
    const { pdf } = await renderScenario(revision, { orgName: "Acme GmbH", locale: "de-DE", pageSize: "LETTER" });
    expect(pdf.info["Page size"]).toContain("(letter)");
    const fmt = createFormatter("USD", "de-DE");
    const text = normalise(pdf.text);
    for (const row of buildComparisonRows(revision.result, fmt)) expect(text).toContain(normalise(row.cashTco.text));
    expect(text).toContain("1. Dezember 2026");
    expectFooterOnEveryPage(pdf, revision);
  }, RENDER_TIMEOUT);
});

describe("compliance example", () => {
  it("prints the compliance and sovereignty matrix with reasons and dated sources", async () => {
    const revision = exampleRevision("eu-personal-data-compliance", 2);
    const { pdf } = await renderScenario(revision);
    const text = normalise(pdf.text);
    expect(text).toContain("Compliance and sovereignty");
    const compliance = revision.result.scenario.options.flatMap((option) => option.compliance?.reasons ?? []);
    expect(compliance.length).toBeGreaterThan(0);
    for (const reason of compliance) expect(text).toContain(normalise(reason.source.title));
    expect(text).toContain("weighted SEAL");
  }, RENDER_TIMEOUT);
});

describe("comparison report", () => {
  it("puts 2–4 revisions side by side, each section with its own revision and fingerprint", async () => {
    const items = [exampleRevision("four-options-60-months", 4), exampleRevision("hybrid-overflow-eur", 2), exampleRevision("eu-personal-data-compliance", 7)].map((revision) => ({
      scenarioName: String(revision.inputs.name),
      revision,
    }));
    const report = buildCompareReport({ ...SETTINGS, items });
    const pdf = readPdf(await renderReport(report));
    const text = normalise(pdf.text);
    expect(text).toContain("Scenarios side by side");
    for (const { scenarioName, revision } of items) {
      expect(text).toContain(normalise(scenarioName));
      expect(text).toContain(revision.fingerprint);
      const headline = summarizeHeadline(revision.result.scenario);
      expect(text).toContain(normalise(createFormatter(revision.result.scenario.currency.code, "en-US").money(headline.cheapest?.cashTotal ?? "")));
    }
    // USD and EUR scenarios: no common money axis.
    expect(report.chart).toBeNull();
    expect(text).toContain("different currencies");
    pdf.pages.forEach((page, index) => expect(page).toContain(`page ${index + 1} of ${pdf.pages.length}`));
    expect(() => buildCompareReport({ ...SETTINGS, items: items.slice(0, 1) })).toThrow(RangeError);
  }, RENDER_TIMEOUT);
});
