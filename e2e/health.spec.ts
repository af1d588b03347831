import { expect, newAccount, screenshot, signUp, test } from "./fixtures.ts";

test("/healthz answers JSON with the database status", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  expect(response.headers()["cache-control"]).toBe("no-store");
  expect(await response.json()).toEqual({ status: "ok", db: "ok" });
});

// The page fixture fails a test on any console error; these pages are visited with no session.
for (const path of ["/", "/login", "/signup"]) {
  test(`${path} renders and hydrates without console errors`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // Hydration is done once Remix's client router exists; errors during it would have been logged by then.
    await page.waitForFunction(() => "__remixRouter" in window);
  });
}

test("another organisation's pages answer 404, as if they did not exist", async ({ page, openFreshPage, allowConsoleErrors }) => {
  allowConsoleErrors(/status of 404/);
  const mine = newAccount("tenant-a");
  const theirs = newAccount("tenant-b");
  await signUp(page, mine);
  await expect(page).toHaveURL(`/o/${mine.slug}`);
  const other = await openFreshPage();
  await signUp(other, theirs);
  await expect(other).toHaveURL(`/o/${theirs.slug}`);

  for (const path of [`/o/${theirs.slug}`, `/o/${theirs.slug}/members`, "/o/no-such-organisation"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
    await expect(page.getByText(theirs.orgName)).toHaveCount(0);
  }
  await screenshot(page, "09-not-found");
});
