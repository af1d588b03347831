/**
 * Share links (issue 9, ADR 011) as a sales engineer and a prospect use them: the link opens in a
 * fresh, logged-out browser; a pinned link keeps its revision while a following one moves; revoked,
 * expired and unknown links get the same 404; a member of another organisation copies the scenario.
 */
import type { Page } from "@playwright/test";
import { expect, expectAccessible, newAccount, signUp, signUpOwner, startScenario, test, withE2eDatabase } from "./fixtures.ts";

const DESKTOP_CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const NOT_FOUND = "The link is wrong, has expired or has been withdrawn. Ask the person who sent it for a new one.";

/** Through the scenario page's Share button; returns the link shown once. */
async function createShareLink(page: Page, scenarioPath: string, label: string, shows: "pinned" | "latest" = "pinned"): Promise<string> {
  await page.goto(scenarioPath);
  await page.getByRole("navigation", { name: "Scenario" }).getByRole("link", { name: "Share" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Share / })).toBeVisible();
  await page.getByLabel("Label", { exact: true }).fill(label);
  if (shows === "latest") await page.getByLabel("The latest revision, including later edits").check();
  await page.getByRole("button", { name: "Create link" }).click();
  const link = page.getByTestId("share-link");
  await expect(link).toContainText("/s/");
  return (await link.textContent())?.trim() ?? "";
}

/**
 * Screenshots at a desktop and a phone width, for people to look at after the run: the whole page,
 * the first screen a prospect sees, and the page's end (fingerprint, copy, footer).
 */
async function screenshotWidths(page: Page, name: string): Promise<void> {
  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `.test-output/screens/${name}-${width}.png`, fullPage: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `.test-output/screens/${name}-${width}-top.png` });
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.screenshot({ path: `.test-output/screens/${name}-${width}-end.png` });
    // Nothing wider than the screen: tables and charts scroll in their own boxes.
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `page width at ${width} px`).toBeLessThanOrEqual(width);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

function fingerprint(page: Page) {
  return page.getByTestId("shared-fingerprint");
}

test("a prospect opens a shared scenario logged out; pinned stays, following moves; revoked, expired and unknown links are the same 404", async ({ page, openFreshPage, allowConsoleErrors }) => {
  // Three sign-ups' worth of pages, two widths of screenshots and two accessibility runs.
  test.slow();
  allowConsoleErrors(/status of 404/);
  const owner = await signUpOwner(page, "sales");
  const scenarioPath = await startScenario(page, owner);
  const pinnedUrl = await createShareLink(page, scenarioPath, "Prospect pinned");
  await page.screenshot({ path: ".test-output/screens/62-share-created.png", fullPage: true });
  const followingUrl = await createShareLink(page, scenarioPath, "Prospect following", "latest");
  const expiringUrl = await createShareLink(page, scenarioPath, "Prospect expiring");

  const prospect = await openFreshPage();
  // Headless Chromium names itself "HeadlessChrome", which counts as a bot: be the prospect's desktop browser.
  await prospect.setExtraHTTPHeaders({ "User-Agent": DESKTOP_CHROME });
  const response = await prospect.goto(pinnedUrl);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["x-robots-tag"]).toBe("noindex, nofollow");
  expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
  await expect(prospect.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex, nofollow");
  await expect(prospect.getByRole("heading", { level: 1, name: "Untitled scenario" })).toBeVisible();
  await expect(prospect.getByText(owner.orgName, { exact: true })).toBeVisible();
  await expect(prospect.getByText(/Revision 1 ·/)).toBeVisible();
  await expect(prospect.getByRole("region", { name: "Headline results" })).toBeVisible();
  await expect(prospect.getByRole("heading", { name: "Comparison" })).toBeVisible();
  await expect(prospect.getByRole("heading", { name: "Assumptions and sources" })).toBeVisible();
  await expect(prospect.getByText("Prepared with OpenTCO")).toBeVisible();
  // Nothing leads into the organisation, and there is nothing to edit.
  await expect(prospect.locator(`a[href^="/o/"]`)).toHaveCount(0);
  await expect(prospect.getByRole("button", { name: /save|rename|archive|delete/i })).toHaveCount(0);
  const pinnedFingerprint = (await fingerprint(prospect).textContent()) ?? "";
  expect(pinnedFingerprint).toMatch(/^[0-9a-f]{64}$/);
  await expectAccessible(prospect);
  await screenshotWidths(prospect, "60-shared-view");

  // A printed copy's fingerprint checks out against the link, without logging in.
  await prospect.getByRole("link", { name: "Check a printed copy against this link" }).click();
  await prospect.getByLabel("Fingerprint").fill(pinnedFingerprint.toUpperCase());
  await prospect.getByRole("button", { name: "Verify" }).click();
  await expect(prospect.getByTestId("shared-verify-result")).toHaveText("It matches: the copy shows revision 1, the revision this link shares.");
  await expectAccessible(prospect);

  // The engineer edits the scenario: revision 2.
  await page.goto(scenarioPath);
  await page.getByLabel("Requests in month 1", { exact: true }).fill("200000");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved · revision 2" })).toBeVisible();

  await prospect.goto(pinnedUrl);
  await expect(prospect.getByText(/Revision 1 ·/)).toBeVisible();
  await expect(fingerprint(prospect)).toHaveText(pinnedFingerprint);
  await prospect.goto(followingUrl);
  await expect(prospect.getByText(/Revision 2 ·/)).toBeVisible();
  await expect(fingerprint(prospect)).not.toHaveText(pinnedFingerprint);

  // Revoked from the organisation's list: the next request is a 404.
  await page.getByRole("navigation", { name: "Organisation" }).getByRole("link", { name: "Shares" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Share links" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Prospect pinned/ })).toContainText("not allowed");
  await page.getByRole("button", { name: "Revoke the link for Prospect pinned" }).click();
  await expect(page.getByRole("status")).toContainText("Link revoked");
  await expect(page.getByRole("row", { name: /Prospect pinned/ })).toContainText("Revoked");
  await page.screenshot({ path: ".test-output/screens/61-share-links.png", fullPage: true });

  const revoked = await prospect.goto(pinnedUrl);
  expect(revoked?.status()).toBe(404);
  await expect(prospect.getByRole("alert")).toHaveText(NOT_FOUND);
  const revokedPage = await prospect.locator("body").innerText();
  expect(revoked?.headers()["x-robots-tag"]).toBe("noindex, nofollow");

  await withE2eDatabase((client) => client.query(`UPDATE "ShareLink" SET "expiresAt" = now() - interval '1 second' WHERE label = 'Prospect expiring'`));
  const expired = await prospect.goto(expiringUrl);
  expect(expired?.status()).toBe(404);
  expect(await prospect.locator("body").innerText()).toBe(revokedPage);

  const unknown = await prospect.goto(`/s/${"A".repeat(43)}`);
  expect(unknown?.status()).toBe(404);
  expect(await prospect.locator("body").innerText()).toBe(revokedPage);
  await expectAccessible(prospect);
  await prospect.setViewportSize({ width: 390, height: 844 });
  await prospect.screenshot({ path: ".test-output/screens/63-shared-404-390.png" });

  // The list counts the views; the admins see each one, with a browser family and no address.
  await page.reload();
  // Columns: label, scenario and revision, created, expires, PDF download, views, …
  await expect(page.getByRole("row", { name: /Prospect following/ }).getByRole("cell").nth(5)).toHaveText("1");
  await page.goto(`/o/${owner.slug}/audit`);
  await expect(page.getByRole("row", { name: /Share link viewed.*Prospect following/ }).first()).toContainText("someone with the link");
  await expect(page.getByRole("row", { name: /Share link viewed.*Prospect following/ }).first()).toContainText("browser: Chrome");
});

test("a signed-in member of another organisation copies the shared scenario into theirs, with its provenance", async ({ page, openFreshPage }) => {
  const owner = await signUpOwner(page, "vendor");
  const scenarioPath = await startScenario(page, owner);
  const url = await createShareLink(page, scenarioPath, "Buyer team");

  const buyer = newAccount("buyer");
  const reader = await openFreshPage();
  await signUp(reader, buyer);
  await expect(reader).toHaveURL(`/o/${buyer.slug}`);
  await reader.context().clearCookies();

  // Logged out: one quiet sentence; logging in comes back to the link.
  await reader.goto(url);
  const sourceFingerprint = (await fingerprint(reader).textContent()) ?? "";
  await reader.getByRole("link", { name: "Log in" }).click();
  await expect(reader).toHaveURL(/\/login\?redirectTo=%2Fs%2F/);
  await reader.getByLabel("Email", { exact: true }).fill(buyer.email);
  await reader.getByLabel("Password", { exact: true }).fill(buyer.password);
  await reader.getByRole("button", { name: "Log in" }).click();
  await expect(reader).toHaveURL(new URL(url).pathname);

  await expect(reader.getByLabel("Copy into")).toHaveValue(buyer.slug);
  await reader.getByRole("button", { name: "Copy scenario" }).click();
  await expect(reader).toHaveURL(new RegExp(`/o/${buyer.slug}/scenarios/\\w+$`));
  await expect(reader.getByRole("heading", { level: 1, name: "Untitled scenario" })).toBeVisible();

  await reader.getByRole("link", { name: "History (1)" }).click();
  const first = reader.getByRole("row", { name: /Copied from/ });
  await expect(first).toContainText(`Copied from “${owner.orgName}” via a share link: revision 1, fingerprint ${sourceFingerprint}`);

  // The vendor's admins learn that it was copied, not where to.
  await page.goto(`/o/${owner.slug}/audit`);
  const copied = page.getByRole("row", { name: /Shared scenario copied into another organisation/ });
  await expect(copied).toContainText("Buyer team");
  await expect(copied).not.toContainText(buyer.orgName);
});
