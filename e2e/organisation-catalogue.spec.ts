import type { Page } from "@playwright/test";
import { acceptAsNewUser, createInvitation, expect, expectAccessible, newAccount, signUpOwner, startScenario, test } from "./fixtures.ts";

const NOTE = "negotiated H100 price, MSA 2026-09";
const TEMPLATE = "Support assistant, four options";
/** LiteLLM's format: Claude Sonnet 5 dearer than the catalogue's 2 / 0.2 / 10 USD per 1M, and a model the catalogue lacks. */
const LITELLM = JSON.stringify({
  "claude-sonnet-5": { litellm_provider: "anthropic", mode: "chat", input_cost_per_token: 3e-6, cache_read_input_token_cost: 3e-7, output_cost_per_token: 1.5e-5 },
  "mistral/mistral-small-latest": { litellm_provider: "mistral", mode: "chat", input_cost_per_token: 1e-7, output_cost_per_token: 3e-7 },
}, null, 4);

/** The owned H100 option's row of the results' comparison table. */
function ownedRow(page: Page) {
  return page.getByRole("region", { name: "Comparison" }).locator("tbody tr").filter({ hasText: "Own H100 cluster" });
}

/** The first money amount of a row (its cash TCO), in dollars. */
function firstAmount(text: string): number {
  return Number(/\$([\d,.]+)/.exec(text)?.[1]?.replaceAll(",", "") ?? "NaN");
}

/** The page at a phone's and a desktop's width, for people to look at after the run. */
async function screenshotWidths(page: Page, name: string, { fullPage = true, scrollTo }: { fullPage?: boolean; scrollTo?: string } = {}): Promise<void> {
  for (const width of [390, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    if (scrollTo) await page.locator(scrollTo).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `.test-output/screens/${name}-${width}.png`, fullPage });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("an admin overrides the H100 price: a new scenario uses it, marked as the organisation's, and its result changes; a viewer cannot reach the override or import pages", async ({ page, openFreshPage, allowConsoleErrors }) => {
  // Two scenarios computed, three pages screenshot at two widths, a second member: longer than the default.
  test.setTimeout(120_000);
  // The refused override answers 400, the viewer's pages 404.
  allowConsoleErrors(/status of 400/, /status of 404/);
  const owner = await signUpOwner(page, "catalogue");

  // Before: the built-in 37,500 per GPU.
  await startScenario(page, owner, TEMPLATE);
  const before = (await ownedRow(page).textContent()) ?? "";
  expect(before).not.toBe("");

  await page.getByRole("navigation", { name: "Organisation" }).getByRole("link", { name: "Catalogue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Catalogue" })).toBeVisible();
  await page.getByRole("link", { name: "Override NVIDIA H100 SXM" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Override a catalogue entry" })).toBeVisible();
  // A missing source note is refused beside its field, and nothing is saved.
  await page.getByLabel(/^Unit price/).fill("30000");
  await page.getByRole("button", { name: "Save override" }).click();
  await expect(page.getByText("Source note: required", { exact: true })).toBeVisible();
  await expect(page.getByRole("alert")).toHaveText("Source note: required; nothing was saved.");
  await screenshotWidths(page, "catalogue-override-form");
  await page.getByLabel("Source note").fill(NOTE);
  await page.getByLabel("As of").fill("2026-09-15");
  await page.getByRole("button", { name: "Save override" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${owner.slug}/catalogue\\?saved=gpu.h100-sxm$`));
  const h100 = page.locator('tr[data-entry="gpu.h100-sxm"]');
  await expect(h100).toContainText("organisation override");
  await expect(h100).toContainText("30000");
  await expect(h100).toContainText("(built-in: 37500)");
  await expect(h100).toContainText(NOTE);
  await expectAccessible(page);
  // The whole page is some 7,000 px tall at 1440: its top, and the GPUs with the override.
  await screenshotWidths(page, "catalogue", { fullPage: false });
  await screenshotWidths(page, "catalogue-gpus", { fullPage: false, scrollTo: "#group-gpus" });

  // After: a new scenario starts from the organisation's price, marked as such, and costs less.
  await startScenario(page, owner, TEMPLATE);
  await expect(ownedRow(page)).not.toHaveText(before);
  expect(firstAmount((await ownedRow(page).textContent()) ?? "")).toBeLessThan(firstAmount(before));
  const assumption = page.locator("#assumptions").getByRole("row").filter({ hasText: "gpu.unitPrice" });
  await expect(assumption).toContainText("30,000");
  await expect(assumption.locator(".badge--organisation")).toHaveText("organisation");
  await expect(assumption).toContainText(NOTE);
  await expect(assumption).toContainText("2026-09-15");

  // A LiteLLM price file: one changed price, one new model; previewed, then applied as version 2.
  await page.goto(`/o/${owner.slug}/catalogue`);
  await page.getByRole("link", { name: "Import prices" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import prices" })).toBeVisible();
  await screenshotWidths(page, "catalogue-import");
  await page.getByLabel("File (JSON or CSV)").setInputFiles({ name: "model_prices_and_context_window.json", mimeType: "application/json", buffer: Buffer.from(LITELLM) });
  await page.getByRole("button", { name: "Preview" }).click();
  const changed = page.getByRole("table").filter({ has: page.getByText("Changed prices") });
  // Entry, field, now, after import: the output price goes from 10 to 15 USD per 1M tokens.
  await expect(changed.getByRole("row", { name: /claude-sonnet-5 Output price 10 15$/ })).toBeVisible();
  await expect(page.getByRole("table").filter({ has: page.getByText("New models") })).toContainText("api.mistral.mistral-small-latest");
  await expectAccessible(page);
  await screenshotWidths(page, "catalogue-import-preview");
  await page.getByRole("button", { name: /^Confirm import/ }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${owner.slug}/catalogue\\?imported=2$`));
  await expect(page.locator('tr[data-entry="api.anthropic.claude-sonnet-5"]')).toContainText("organisation override");
  await expect(page.locator('tr[data-entry="api.mistral.mistral-small-latest"]')).toContainText("organisation entry");

  // A viewer reads the catalogue, without the controls, and gets 404 on the override and import pages.
  const inviteLink = await createInvitation(page, owner, "Viewer");
  const viewer = await openFreshPage();
  await acceptAsNewUser(viewer, inviteLink, newAccount("viewer"));
  await expect(viewer).toHaveURL(`/o/${owner.slug}`);
  await viewer.goto(`/o/${owner.slug}/catalogue`);
  await expect(viewer.locator('tr[data-entry="gpu.h100-sxm"]')).toContainText("organisation override");
  await expect(viewer.getByRole("link", { name: /^Override / })).toHaveCount(0);
  await expect(viewer.getByRole("link", { name: "Import prices" })).toHaveCount(0);
  for (const path of ["catalogue/entry?id=gpu.h100-sxm", "catalogue/entry", "catalogue/import"]) {
    const response = await viewer.goto(`/o/${owner.slug}/${path}`);
    expect(response?.status(), path).toBe(404);
  }
});
