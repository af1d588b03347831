import { acceptAsNewUser, createInvitation, expect, newAccount, screenshot, signUp, test } from "./fixtures.ts";

test("an owner renames the organisation, moves its URL and changes its currency; the audit trail records it", async ({ page }) => {
  const owner = newAccount("settings");
  await signUp(page, owner);
  await expect(page).toHaveURL(`/o/${owner.slug}`);
  await page.getByRole("navigation", { name: "Organisation" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();

  const renamed = newAccount("renamed");
  await page.getByLabel("Organisation name").fill(renamed.orgName);
  await page.getByLabel("Organisation URL").fill(renamed.slug);
  await page.getByLabel("Default currency").selectOption("EUR");
  await page.getByRole("button", { name: "Save settings" }).click();

  await expect(page).toHaveURL(`/o/${renamed.slug}/settings?saved=moved`);
  await expect(page.getByRole("status")).toHaveText(`Settings saved. The organisation's URL is now /o/${renamed.slug}; links to the old one no longer work.`);
  await expect(page.getByRole("banner")).toContainText(renamed.orgName);
  await expect(page.getByLabel("Default currency")).toHaveValue("EUR");
  await screenshot(page, "11-settings");
  // The old URL is gone, not redirected: it may belong to someone else tomorrow.
  const old = await page.request.get(`/o/${owner.slug}`, { maxRedirects: 0 });
  expect(old.status()).toBe(404);

  await page.getByRole("navigation", { name: "Organisation" }).getByRole("link", { name: "Audit" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit trail" })).toBeVisible();
  const settingsChange = page.getByRole("row", { name: /Changed settings/ });
  await expect(settingsChange).toContainText(owner.email);
  await expect(settingsChange).toContainText(`${owner.slug} → ${renamed.slug}`);
  await expect(page.getByRole("row", { name: /Created the organisation/ })).toBeVisible();
  await screenshot(page, "12-audit-trail");
});

test("a viewer sees neither settings nor audit, and their URLs answer 404", async ({ page, openFreshPage, allowConsoleErrors }) => {
  allowConsoleErrors(/status of 404/);
  const owner = newAccount("strict");
  await signUp(page, owner);
  await expect(page).toHaveURL(`/o/${owner.slug}`);
  const inviteLink = await createInvitation(page, owner, "Viewer");

  const viewer = await openFreshPage();
  await acceptAsNewUser(viewer, inviteLink, newAccount("viewer"));
  await expect(viewer).toHaveURL(`/o/${owner.slug}`);
  const nav = viewer.getByRole("navigation", { name: "Organisation" });
  await expect(nav.getByRole("link", { name: "Overview" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Audit" })).toHaveCount(0);

  for (const path of ["settings", "audit"]) {
    const response = await viewer.goto(`/o/${owner.slug}/${path}`);
    expect(response?.status(), path).toBe(404);
  }
  // Members are visible to a viewer, but not the controls that change them.
  await viewer.goto(`/o/${owner.slug}/members`);
  await expect(viewer.getByRole("region", { name: "People with access" })).toContainText(owner.email);
  await expect(viewer.getByRole("button", { name: "Create invitation" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: /Remove/ })).toHaveCount(0);
});

test("deleting an organisation needs its URL typed out; afterwards its pages answer 404", async ({ page, allowConsoleErrors }) => {
  allowConsoleErrors(/status of (400|404)/);
  const owner = newAccount("doomed");
  await signUp(page, owner);
  await expect(page).toHaveURL(`/o/${owner.slug}`);
  await page.goto(`/o/${owner.slug}/settings`);

  const confirmation = page.getByLabel(`Type “${owner.slug}” to confirm`);
  await confirmation.fill("something else");
  await page.getByRole("button", { name: "Delete organisation" }).click();
  await expect(confirmation).toHaveAccessibleDescription(/Confirmation: type “.+” exactly/);
  await expect(page).toHaveURL(`/o/${owner.slug}/settings`);

  await confirmation.fill(owner.slug);
  await page.getByRole("button", { name: "Delete organisation" }).click();
  await expect(page).not.toHaveURL(new RegExp(`/o/${owner.slug}`));
  const response = await page.goto(`/o/${owner.slug}`);
  expect(response?.status()).toBe(404);
});

test("a user creates a second organisation and switches between the two", async ({ page, allowConsoleErrors }) => {
  allowConsoleErrors(/status of 409/);
  const owner = newAccount("founder");
  await signUp(page, owner);
  await expect(page).toHaveURL(`/o/${owner.slug}`);

  await page.getByLabel(/Switch organisation/).click();
  await page.getByRole("link", { name: "+ New organisation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New organisation" })).toBeVisible();
  // The first organisation's URL is taken, by this very user.
  const second = newAccount("spinoff");
  await page.getByLabel("Organisation name").fill(second.orgName);
  await page.getByLabel("Organisation URL").fill(owner.slug);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByLabel("Organisation URL")).toHaveAccessibleDescription(/Organisation URL: already taken/);

  await page.getByLabel("Organisation URL").fill(second.slug);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page).toHaveURL(`/o/${second.slug}`);
  await expect(page.getByRole("row", { name: /Your role/ })).toContainText("Owner");

  await page.getByLabel(/Switch organisation/).click();
  await page.getByRole("list", { name: "Your organisations" }).getByRole("link", { name: owner.orgName }).click();
  await expect(page).toHaveURL(`/o/${owner.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: owner.orgName })).toBeVisible();
});
