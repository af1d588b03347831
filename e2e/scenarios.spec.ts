import type { Page } from "@playwright/test";
import { acceptAsNewUser, createInvitation, expect, expectAccessible, newAccount, screenshot, signUpOwner, startScenario, test, withE2eDatabase } from "./fixtures.ts";

function volumeField(page: Page) {
  return page.getByLabel("Requests in month 1", { exact: true });
}

function headlineCard(page: Page, label: RegExp) {
  return page.getByRole("region", { name: "Headline results" }).getByRole("listitem").filter({ hasText: label });
}

async function save(page: Page, revision: number): Promise<void> {
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: `Saved · revision ${revision}` })).toBeVisible();
}

test("a CTO builds a scenario from a blank one, watches break-even move as they type, saves and reloads the same figures", async ({ page }) => {
  const owner = await signUpOwner(page, "builder");
  await expect(page.getByRole("heading", { name: "Recent scenarios" })).toBeVisible();
  await expect(page.getByText("No scenarios yet.")).toBeVisible();
  await expectAccessible(page);
  const path = await startScenario(page, owner);
  await expect(page.getByRole("status").filter({ hasText: "Saved · revision 1" })).toBeVisible();

  const breakEven = headlineCard(page, /Break-even/i);
  const cheapest = headlineCard(page, /Cheapest/i);
  const before = (await breakEven.textContent()) ?? "";
  const cheapestBefore = (await cheapest.textContent()) ?? "";
  // A hundredth of the volume: the per-token API becomes the cheaper option, so the answer changes.
  await volumeField(page).fill("200000");
  await expect(breakEven).not.toHaveText(before);
  await expect(cheapest).not.toHaveText(cheapestBefore);
  await expect(page.getByRole("status").filter({ hasText: "Unsaved changes" })).toBeVisible();
  const after = (await breakEven.textContent()) ?? "";
  const cheapestAfter = (await cheapest.textContent()) ?? "";
  await screenshot(page, "20-scenario-edited");

  await page.getByLabel("Revision note").fill("A hundredth of the volume");
  await save(page, 2);
  await page.reload();
  await expect(volumeField(page)).toHaveValue("200000");
  await expect(breakEven).toHaveText(after);
  await expect(cheapest).toHaveText(cheapestAfter);
  await expect(page.getByText("as saved in revision 2")).toBeVisible();
  await expectAccessible(page);

  // The list shows it with its headline figures.
  await page.goto(`/o/${owner.slug}/scenarios`);
  await expect(page.getByRole("link", { name: "Untitled scenario" })).toHaveAttribute("href", path);
  await expect(page.getByRole("row", { name: /Untitled scenario/ })).toContainText("2");
  await screenshot(page, "21-scenario-list");
  await expectAccessible(page);
});

test("a save the database is too busy to take says why and keeps the edit; the next save goes through", async ({ page, allowConsoleErrors }) => {
  // The save waits out the server's 15 s transaction timeout on top of signing up and saving twice.
  test.setTimeout(120_000);
  allowConsoleErrors(/status of 503/);
  const owner = await signUpOwner(page, "busy");
  const path = await startScenario(page, owner);
  await volumeField(page).fill("200000");
  await expect(page.getByRole("status").filter({ hasText: "Unsaved changes" })).toBeVisible();
  await withE2eDatabase(async (client) => {
    // Someone else holds the scenario's row: the save's transaction waits for it past its timeout
    // (DATABASE_TRANSACTION_TIMEOUT_MS, 15 s by default) and is rolled back.
    await client.query("BEGIN");
    await client.query('SELECT id FROM "Scenario" WHERE id = $1 FOR UPDATE', [path.split("/").at(-1)]);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saving…" })).toBeVisible();
    await expect.poll(async () => (await client.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%"Scenario"%'`)).rows[0].n, { timeout: 20_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(17_000);
    await client.query("ROLLBACK");
  });
  await expect(page.getByRole("alert")).toHaveText("Not saved: The database is too busy to finish this request right now. Try again in a few seconds.");
  await expect(volumeField(page)).toHaveValue("200000");
  await expect(page.getByRole("status").filter({ hasText: "Unsaved changes" })).toBeVisible();
  await screenshot(page, "22-scenario-save-busy");
  await save(page, 2);
  await page.reload();
  await expect(volumeField(page)).toHaveValue("200000");
});

test("two tabs edit the same scenario: the second save is refused, the edits are merged, nothing is lost; an old revision is restored", async ({ page }) => {
  const owner = await signUpOwner(page, "tabs");
  const path = await startScenario(page, owner);
  const other = await page.context().newPage();
  await other.goto(path);

  await volumeField(page).fill("1000000");
  await save(page, 2);

  const growth = other.getByLabel("Growth", { exact: true });
  await growth.fill("55");
  await other.getByRole("button", { name: "Save", exact: true }).click();
  const conflict = other.getByRole("alert").filter({ hasText: "Not saved: revision 2 was saved while you were editing" });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText("workload.volume.requestsPerMonth");
  await expect(growth).toHaveValue("55");
  await screenshot(other, "22-save-conflict");
  await conflict.getByRole("button", { name: "Merge into my draft" }).click();
  await expect(volumeField(other)).toHaveValue("1000000");
  await expect(growth).toHaveValue("55");
  await save(other, 3);
  await other.close();

  await page.reload();
  await expect(volumeField(page)).toHaveValue("1000000");
  await expect(page.getByLabel("Growth", { exact: true })).toHaveValue("55");

  // History: what changed between revisions 1 and 3, then restore revision 1 as revision 4.
  await page.getByRole("link", { name: "History (3)" }).click();
  await page.getByLabel("From", { exact: true }).selectOption("1");
  await page.getByLabel("to", { exact: true }).selectOption("3");
  await page.getByRole("button", { name: "Compare revisions" }).click();
  await expect(page.getByRole("row", { name: /workload\.volume\.requestsPerMonth/ })).toContainText("1000000");
  await expect(page.getByRole("row", { name: /workload\.growth\.rate/ })).toContainText("0.55");
  await screenshot(page, "23-history");
  await page.getByRole("button", { name: "Restore revision 1" }).click();
  await expect(page).toHaveURL(path);
  await expect(page.getByRole("status").filter({ hasText: "Saved · revision 4" })).toBeVisible();
  await expect(volumeField(page)).toHaveValue("20000000");
});

test("import lists every error of a bad file; two scenarios are compared side by side", async ({ page, allowConsoleErrors }) => {
  allowConsoleErrors(/status of 400/);
  const owner = await signUpOwner(page, "importer");
  await page.goto(`/o/${owner.slug}/scenarios`);
  const broken = { schemaVersion: 1, name: "Broken", startMonth: "2027-13", horizonMonths: "5", currency: { code: "eu", perUsd: "1", asOf: "2026-11-25", source: "x" }, discountRatePerYear: "0.08", opexInflationPerYear: "0.03", workload: {}, options: [] };
  await page.getByLabel(/Import a scenario file/).setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(broken)) });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const errors = page.getByRole("list", { name: "Errors in broken.json" });
  await expect(errors).toBeVisible();
  for (const path of ["startMonth", "horizonMonths", "currency.code", "workload.volume", "options"]) {
    await expect(errors.getByRole("listitem").filter({ hasText: new RegExp(`^${path.replace(".", "\\.")} `) }).first()).toBeVisible();
  }
  await screenshot(page, "24-import-errors");

  await page.getByRole("button", { name: "Support assistant, four options" }).click();
  await expect(page).toHaveURL(/\/scenarios\/\w+$/);
  await page.goto(`/o/${owner.slug}/scenarios`);
  await page.getByRole("button", { name: "EU personal data under GDPR" }).click();
  await expect(page).toHaveURL(/\/scenarios\/\w+$/);
  await page.goto(`/o/${owner.slug}/scenarios`);
  await page.getByRole("link", { name: "Compare scenarios" }).click();
  await page.getByLabel(/Support assistant/).check();
  await page.getByLabel(/EU insurer claims assistant/).check();
  await page.getByRole("button", { name: "Compare", exact: true }).click();
  const table = page.getByRole("region", { name: /Headline results; differences are against/ });
  await expect(table).toContainText("Support assistant");
  await expect(table).toContainText("EU insurer claims assistant");
  // The overlaid cumulative-cost chart, named by its title sentence.
  await expect(page.locator('svg[role="img"]').first()).toBeVisible();
  await screenshot(page, "25-compare");
  await expectAccessible(page);
});

test("a viewer reads a scenario with no edit control, and every write answers 404", async ({ page, openFreshPage, allowConsoleErrors }) => {
  allowConsoleErrors(/status of 404/);
  const owner = await signUpOwner(page, "sharer");
  const path = await startScenario(page, owner);
  const inviteLink = await createInvitation(page, owner, "Viewer");
  const viewer = await openFreshPage();
  await acceptAsNewUser(viewer, inviteLink, newAccount("reader"));
  await expect(viewer).toHaveURL(`/o/${owner.slug}`);
  await viewer.goto(path);
  await expect(viewer.getByRole("heading", { level: 1, name: "Untitled scenario" })).toBeVisible();
  await expect(headlineCard(viewer, /Cheapest/i)).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Save", exact: true })).toHaveCount(0);
  await expect(volumeField(viewer)).toHaveCount(0);
  await expect(viewer.getByText("Manage this scenario")).toHaveCount(0);
  await viewer.goto(`/o/${owner.slug}/scenarios`);
  await expect(viewer.getByRole("button", { name: "New blank scenario" })).toHaveCount(0);

  const writes: Record<string, string>[] = [{ intent: "save", baseRevision: "1", inputs: "{}" }, { intent: "rename", name: "x" }, { intent: "archive" }, { intent: "duplicate" }, { intent: "restore", revision: "1" }, { intent: "delete", confirmName: "Untitled scenario" }];
  for (const form of writes) {
    const response = await viewer.request.post(`${path}?index`, { form, maxRedirects: 0 });
    expect(response.status(), form.intent).toBe(404);
  }
  const create = await viewer.request.post(`/o/${owner.slug}/scenarios?index`, { form: { intent: "template", templateId: "blank" }, maxRedirects: 0 });
  expect(create.status()).toBe(404);
});
