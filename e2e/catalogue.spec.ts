import type { Locator, Page } from "@playwright/test";
import { expect, screenshot, test } from "./fixtures.ts";

// Both pages are public: every test runs without a session, and the page fixture fails it on any
// console error (hydration mismatches included).

async function openHydrated(page: Page, path: string): Promise<void> {
  await page.goto(path);
  // Sorting only works once React has hydrated; Remix's router exists from then on.
  await page.waitForFunction(() => "__remixRouter" in window);
}

/** The text of one column's cells, top to bottom. */
async function columnTexts(table: Locator, columnIndex: number): Promise<string[]> {
  return table.locator(`tbody tr td:nth-child(${columnIndex + 1})`).allInnerTexts();
}

function gpuPricesTable(page: Page): Locator {
  return page.locator("section#gpus table");
}

test("the catalogue shows every section with values, sources, dates and confidence", async ({ page }) => {
  await openHydrated(page, "/catalog");
  await expect(page.getByRole("heading", { level: 1, name: "Catalogue of default figures" })).toBeVisible();
  for (const title of ["Commercial API prices", "Model quality", "GPUs", "Rented GPUs", "Throughput", "Energy", "Colocation", "Staff", "Trend rates", "Deployment capabilities", "Compliance sources", "EU Cloud Sovereignty Framework weights"]) {
    await expect(page.getByRole("heading", { level: 3, name: title, exact: true })).toBeVisible();
  }

  const api = page.locator("section#api-prices table");
  await expect(api.getByRole("columnheader", { name: "Source" })).toBeVisible();
  const gpt5 = api.getByRole("row").filter({ has: page.getByText("api.openai.gpt-5", { exact: true }) });
  await expect(gpt5).toContainText("1.25");
  // Each source: publisher, the title linked to its page, and its date.
  await expect(gpt5).toContainText("OpenAI, API pricing, 2026-08-01");
  await expect(gpt5.getByRole("link", { name: "API pricing" })).toHaveAttribute("href", "https://developers.openai.com/api/docs/pricing");
  await expect(gpt5.getByRole("link", { name: "simonw/llm-prices (GitHub); llm-prices.com" })).toHaveAttribute("href", "https://github.com/simonw/llm-prices");
  await expect(gpt5).toContainText("medium");
  await expect(page.locator("section#api-prices")).toContainText("Entries count as stale 90 days after the date of their figures.");

  // A 2023 figure is far older than the 365 days of its kind before any day this test runs.
  const energy = page.locator("section#energy table").getByRole("row").filter({ hasText: "energy.us-industrial" });
  await expect(energy).toContainText("2023-12-31");
  await expect(energy.locator(".catalogue-stale")).toContainText("stale");

  // Capability facts no source states read "unknown", never blank or 0.
  const deploymentCells = page.locator("section#deployments table tbody td");
  await expect(deploymentCells.filter({ hasText: /^unknown/ }).first()).toBeVisible();
  for (const text of await deploymentCells.allTextContents()) expect(text.trim()).not.toBe("");

  // Numeric columns are right-aligned through the "num" class, header and cells alike.
  await expect(gpuPricesTable(page).getByRole("columnheader", { name: /Price/ })).toHaveClass(/\bnum\b/);
  await screenshot(page, "catalogue");
});

test("sorting a column from the keyboard reorders the rows", async ({ page }) => {
  await openHydrated(page, "/catalog");
  const table = gpuPricesTable(page);
  const header = table.getByRole("columnheader", { name: /Price/ });
  const button = header.getByRole("button", { name: "Price" });
  const priceIndex = 1;

  const original = await columnTexts(table, priceIndex);
  expect(original).toEqual(["37,500", "25,000", "37,500", "60,000"]);
  await expect(header).toHaveAttribute("aria-sort", "none");

  await button.focus();
  await page.keyboard.press("Enter");
  await expect(header).toHaveAttribute("aria-sort", "ascending");
  expect(await columnTexts(table, priceIndex)).toEqual(["25,000", "37,500", "37,500", "60,000"]);
  await expect(table.locator("tbody tr").first()).toContainText("NVIDIA H100 PCIe");

  await page.keyboard.press("Enter");
  await expect(header).toHaveAttribute("aria-sort", "descending");
  expect(await columnTexts(table, priceIndex)).toEqual(["60,000", "37,500", "37,500", "25,000"]);
  await expect(table.locator("tbody tr").first()).toContainText("NVIDIA B200");

  // The third press returns to the catalogue's own order.
  await page.keyboard.press("Enter");
  await expect(header).toHaveAttribute("aria-sort", "none");
  expect(await columnTexts(table, priceIndex)).toEqual(original);
});

test("unknown values sort after known ones in both directions", async ({ page }) => {
  await openHydrated(page, "/catalog");
  const table = page.locator("section#deployments table");
  const header = table.getByRole("columnheader", { name: /Residency premium/ });
  const premiumIndex = (await table.getByRole("columnheader").allTextContents()).findIndex((text) => text.startsWith("Residency premium"));
  // "+10–20 %" sorts by its upper end; "[5]" after a value cites a source.
  const upperPercent = (text: string) => Number(/([\d.]+) %/.exec(text)?.[1]);
  await header.getByRole("button").focus();
  await page.keyboard.press("Enter");
  await expect(header).toHaveAttribute("aria-sort", "ascending");
  const ascending = await columnTexts(table, premiumIndex);
  expect(ascending[0]).toContain("not applicable");
  expect(ascending.at(-1)).toContain("unknown");
  await page.keyboard.press("Enter");
  await expect(header).toHaveAttribute("aria-sort", "descending");
  const descending = await columnTexts(table, premiumIndex);
  const known = descending.filter((text) => text.startsWith("+")).map(upperPercent);
  expect(known.length).toBeGreaterThan(3);
  expect(known).toEqual([...known].sort((a, b) => b - a));
  expect(descending[0]).toMatch(/^\+/);
  expect(descending.at(-1)).toContain("unknown");
});

test("the methodology page states the conventions and links to the catalogue and the schema", async ({ page, request }) => {
  await openHydrated(page, "/methodology");
  await expect(page.getByRole("heading", { level: 1, name: "Methodology" })).toBeVisible();
  await expect(page.getByText("A month has 730 hours")).toBeVisible();
  await expect(page.getByText("never within the horizon", { exact: false }).first()).toBeVisible();
  await expect(page.getByText("Depreciation is never a cash cost.")).toBeVisible();
  const weights = page.locator("#sovereignty ~ table tbody tr");
  await expect(weights).toHaveCount(8);
  await expect(weights.filter({ hasText: "SOV-5" })).toContainText("20 %");
  await expect(page.locator("table#staleness").getByRole("row", { name: /^API prices 90 days / })).toBeVisible();
  const schemaLink = page.getByRole("link", { name: "scenario schema, version 1" });
  await expect(schemaLink).toHaveAttribute("href", "/schema/scenario.v1.json");
  expect((await request.get("/schema/scenario.v1.json")).status()).toBe(200);
  await page.getByRole("main").getByRole("link", { name: "catalogue" }).first().click();
  await expect(page).toHaveURL(/\/catalog$/);
  await expect(page.getByRole("heading", { level: 1, name: "Catalogue of default figures" })).toBeVisible();
  await page.goto("/methodology");
  await screenshot(page, "methodology");
});
