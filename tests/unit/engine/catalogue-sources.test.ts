/**
 * Every built-in figure cites sources a reader can open: publisher, title, https pages and a date; and
 * no source or note sends the reader to a file of ours (issue 11). Organisation entries, which cite a
 * note of their own, are outside these rules.
 */
import { describe, expect, it } from "vitest";
import { CATALOGUE, COMPLIANCE_SOURCES, getComplianceSource, type AnyCatalogueEntry } from "~/engine";

const entries: AnyCatalogueEntry[] = Object.values(CATALOGUE).flat();

/**
 * Compliance "sources" that are no public page, by design: what the customer declares or must confirm,
 * OpenTCO's own reasoning, and facts no page was recorded for. Each says so in its title or note.
 */
const NOT_A_PUBLIC_PAGE = new Set(["self-hosting-inherent", "corporate-domicile", "statute-text", "customer-declared", "customer-to-confirm", "not-recorded"]);

/** A path into a repository or a machine, as opposed to a public URL (URLs are removed before the check). */
const FILE_PATH = /\b(?:docs|shared|app|tests|scripts|work|home|Users)\/|reference-data|\.(?:md|mdx|tsx?|json|csv|txt)\b|(?:^|[\s(])\.{0,2}\/[\w-]+\//i;

function namesFilePath(text: string): boolean {
  return FILE_PATH.test(text.replace(/https:\/\/\S+/g, ""));
}

function isCalendarDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
}

function isHttpsUrl(text: string): boolean {
  if (!/^https:\/\/\S+$/.test(text)) return false;
  const url = new URL(text);
  return url.protocol === "https:" && url.hostname.includes(".");
}

describe("the check itself", () => {
  it.each(["see /work/shared/docs/reference-data.md", "docs/research/prices.md", "catalogue notes (reference-data)", "./data/gpus.csv", "app/engine/catalogue/hardware.ts"])("finds a file path in %j", (text) => {
    expect(namesFilePath(text)).toBe(true);
  });

  it.each(["simonw/llm-prices (GitHub); llm-prices.com", "converted from EUR at 1.0813 USD/EUR (ECB 2023 average)", "see https://docs.example.org/docs/pricing.md"])("finds none in %j", (text) => {
    expect(namesFilePath(text)).toBe(false);
  });

  it("refuses dates that are not calendar days and URLs that are not https", () => {
    expect([isCalendarDate("2026-02-30"), isCalendarDate("2026-08"), isCalendarDate("2026-08-01")]).toEqual([false, false, true]);
    expect([isHttpsUrl("http://example.com/"), isHttpsUrl("https://example"), isHttpsUrl("https://example.com/a b"), isHttpsUrl("https://example.com/")]).toEqual([false, false, false, true]);
  });
});

describe("built-in catalogue sources", () => {
  it.each(entries.map((entry) => [entry.id, entry] as const))("%s cites published sources with publisher, title, https URLs and a date", (_id, entry) => {
    expect(entry.sources.length).toBeGreaterThan(0);
    for (const source of entry.sources) {
      expect(source.kind).toBe("published");
      expect(source.publisher.trim()).not.toBe("");
      expect(source.title.trim()).not.toBe("");
      expect(source.urls.length).toBeGreaterThan(0);
      for (const url of source.urls) expect(isHttpsUrl(url), url).toBe(true);
      expect(isCalendarDate(source.date), source.date).toBe(true);
    }
    expect(isCalendarDate(entry.asOf), entry.asOf).toBe(true);
  });

  it.each(entries.map((entry) => [entry.id, entry] as const))("%s names no file path in its label, note, units or sources", (_id, entry) => {
    const texts = [entry.label, entry.note ?? "", ...Object.values(entry.units), ...entry.sources.flatMap((source) => [source.publisher, source.title])];
    for (const text of texts) expect(namesFilePath(text), text).toBe(false);
  });
});

describe("compliance sources", () => {
  const ids = Object.keys(COMPLIANCE_SOURCES) as (keyof typeof COMPLIANCE_SOURCES)[];

  it.each(ids)("%s has a publisher, a title and a date, and https URLs unless it is no public page by design", (id) => {
    const source = getComplianceSource(id);
    expect(source.publisher.trim()).not.toBe("");
    expect(source.title.trim()).not.toBe("");
    expect(isCalendarDate(source.asOf), source.asOf).toBe(true);
    if (NOT_A_PUBLIC_PAGE.has(id)) {
      expect(source.urls).toEqual([]);
    } else {
      expect(source.urls.length).toBeGreaterThan(0);
      for (const url of source.urls) expect(isHttpsUrl(url), url).toBe(true);
    }
  });

  it.each(ids)("%s names no file path in its publisher, title or note", (id) => {
    const source = getComplianceSource(id);
    for (const text of [source.publisher, source.title, source.note ?? ""]) expect(namesFilePath(text), text).toBe(false);
  });
});
