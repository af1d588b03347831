/**
 * What a newcomer trips over (issue 12): phones, a 404 inside the organisation, the way back from the
 * public pages, the skip link, and the sign-up, log-in and members forms.
 */
import type { Page } from "@playwright/test";
import { DEMO_LOGIN } from "../prisma/demo-login.ts";
import { acceptAsNewUser, createInvitation, expect, logIn, newAccount, signUp, signUpOwner, test } from "./fixtures.ts";

const SCREENS = ".test-output/screens/widths";

/** The page's width beyond the viewport, in CSS pixels (0 when nothing sticks out sideways). */
async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test("every signed-in page holds at 390 px (wide tables scroll in their own box) and at 1440 px", async ({ page, allowConsoleErrors }) => {
  test.setTimeout(120_000);
  allowConsoleErrors(/status of 404 .*\/no-such-page/);
  await logIn(page, DEMO_LOGIN);
  await expect(page).toHaveURL(`/o/${DEMO_LOGIN.orgSlug}`);
  const base = `/o/${DEMO_LOGIN.orgSlug}`;
  await page.goto(`${base}/scenarios`);
  const hrefs = await page.getByRole("main").getByRole("link").evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
  const scenario = hrefs.find((href) => /\/scenarios\/(?!compare)[^/]+$/.test(href)) ?? "";
  const pages: [string, string][] = [
    ["overview", base],
    ["scenarios", `${base}/scenarios`],
    ["scenario", scenario],
    ["history", `${scenario}/history`],
    ["share", `${scenario}/share`],
    ["members", `${base}/members`],
    ["shares", `${base}/shares`],
    ["settings", `${base}/settings`],
    ["audit", `${base}/audit`],
    ["verify", `${base}/verify`],
    ["new-organisation", "/orgs/new"],
    ["not-found", `${base}/no-such-page`],
  ];
  for (const width of [390, 1440]) {
    await page.setViewportSize({ width, height: 844 });
    for (const [name, path] of pages) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      await page.screenshot({ path: `${SCREENS}/${name}-${width}.png` });
      expect.soft(await sidewaysOverflow(page), `${name} at ${width} px`).toBe(0);
    }
  }
});

test("the top bar keeps every link and Log out inside the window at laptop widths, with a long email and organisation name", async ({ page }) => {
  const owner = await signUpOwner(page, "top-bar-width");
  for (const width of [800, 1024, 1280, 1321, 1440]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`/o/${owner.slug}/scenarios`);
    const header = page.getByRole("banner");
    for (const item of [header.getByRole("button", { name: "Log out" }), header.getByRole("link", { name: "Audit" }), header.getByRole("link", { name: owner.email })]) {
      const box = await item.boundingBox();
      expect.soft(box && box.x + box.width <= width, `${await item.textContent()} inside ${width} px`).toBe(true);
    }
    await page.screenshot({ path: `${SCREENS}/top-bar-${width}.png`, clip: { x: 0, y: 0, width, height: 140 } });
  }
});

test("an unknown address inside an organisation answers 404 in its layout, without hydration errors", async ({ page, allowConsoleErrors }) => {
  // The 404 document itself is logged by Chromium as a failed load; anything else (React #418/#423) fails the test.
  allowConsoleErrors(/Failed to load resource: the server responded with a status of 404 .*\/no-such-page/);
  await logIn(page, DEMO_LOGIN);
  await expect(page).toHaveURL(`/o/${DEMO_LOGIN.orgSlug}`);
  const response = await page.goto(`/o/${DEMO_LOGIN.orgSlug}/no-such-page`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText(DEMO_LOGIN.orgName);
  await expect(page.getByRole("navigation", { name: "Organisation" })).toBeVisible();
  // Hydrated: client navigation from the 404 works.
  await page.getByRole("link", { name: "Back to the overview" }).click();
  await expect(page).toHaveURL(`/o/${DEMO_LOGIN.orgSlug}`);
  await expect(page.getByRole("heading", { level: 1, name: DEMO_LOGIN.orgName })).toBeVisible();
});

test("the catalogue and the methodology offer a signed-in user the way back instead of 'Log in'", async ({ page }) => {
  for (const path of ["/catalog", "/methodology"]) {
    await page.goto(path);
    await expect(page.getByRole("banner").getByRole("link", { name: "Log in" })).toBeVisible();
  }
  const account = newAccount("reader");
  await signUp(page, account);
  await expect(page).toHaveURL(`/o/${account.slug}`);
  for (const path of ["/catalog", "/methodology"]) {
    await page.goto(path);
    const banner = page.getByRole("banner");
    await expect(banner.getByRole("link", { name: "Log in" })).toHaveCount(0);
    await expect(banner.getByRole("link", { name: `Back to ${account.orgName}` })).toBeVisible();
  }
  await page.getByRole("banner").getByRole("link", { name: `Back to ${account.orgName}` }).click();
  await expect(page).toHaveURL(`/o/${account.slug}`);
});

test("the first Tab reaches a skip link to the main content; public pages carry a description", async ({ page }) => {
  for (const path of ["/", "/login", "/signup", "/catalog", "/methodology"]) {
    await page.goto(path);
    await expect(page.locator('meta[name="description"]'), path).toHaveAttribute("content", /\w{3,}.{20,}/);
  }
  // Pages without an autofocused field: the skip link is the first stop.
  for (const path of ["/", "/catalog", "/methodology"]) {
    await page.goto(path);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to main content" });
    await expect(skip, path).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
    await expect(page.locator("main#main")).toHaveCount(1);
  }
});

test("sign-up fills the organisation URL from the name until the URL is edited", async ({ page }) => {
  await page.goto("/signup");
  const name = page.getByLabel("Organisation name");
  const url = page.getByLabel("Organisation URL");
  await name.pressSequentially("Ærø Café Labs");
  await expect(url).toHaveValue("aero-cafe-labs");
  await url.fill("my-own-url");
  await name.fill("Something Else Entirely");
  await expect(url).toHaveValue("my-own-url");
  // Emptying the URL lets it follow the name again.
  await url.fill("");
  await name.fill("Back In Step");
  await expect(url).toHaveValue("back-in-step");
});

test("members: a sole owner cannot remove or demote themselves, Remove asks first, a refused change shows the real role, invitations name their invitee", async ({
  page,
  openFreshPage,
  allowConsoleErrors,
}) => {
  allowConsoleErrors(/status of 409/);
  const owner = newAccount("soleowner");
  await signUp(page, owner);
  await expect(page).toHaveURL(`/o/${owner.slug}`);
  await page.goto(`/o/${owner.slug}/members`);
  const ownRow = page.getByRole("row", { name: new RegExp(owner.email) });
  await expect(ownRow).toContainText("Sole owner: make someone else an owner first");
  await expect(ownRow.getByRole("combobox")).toHaveCount(0);
  await expect(ownRow.getByText("Remove…")).toHaveCount(0);

  // An invitation for a named person: the pending list and the audit trail say whom.
  const invitee = newAccount("named");
  await page.getByLabel("Email (optional)").fill(invitee.email);
  await page.getByLabel("Role").selectOption({ label: "Admin" });
  await page.getByRole("button", { name: "Create invitation" }).click();
  await expect(page.getByRole("status")).toContainText(`Invitation created for ${invitee.email}`);
  const link = (await page.getByTestId("invite-link").textContent())?.trim() ?? "";
  await expect(page.getByRole("region", { name: "Pending invitations" }).getByRole("row", { name: new RegExp(invitee.email) })).toContainText("Admin");
  const second = await openFreshPage();
  await second.goto(link);
  await expect(second.getByLabel("Email", { exact: true })).toHaveValue(invitee.email);
  await acceptAsNewUser(second, link, invitee);
  await expect(second).toHaveURL(`/o/${owner.slug}`);

  // Promote the admin to owner; then, on the second owner's page, demote the first owner to admin.
  await page.reload();
  const inviteeRow = page.getByRole("row", { name: new RegExp(invitee.email) });
  await inviteeRow.getByRole("combobox").selectOption("owner");
  await inviteeRow.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText(`${invitee.email} is now owner.`);
  await second.goto(`/o/${owner.slug}/members`);
  const firstOwnerRow = second.getByRole("row", { name: new RegExp(owner.email) });
  await firstOwnerRow.getByRole("combobox").selectOption("admin");
  await firstOwnerRow.getByRole("button", { name: "Save" }).click();
  await expect(second.getByRole("status")).toHaveText(`${owner.email} is now admin.`);

  // The first owner's page is stale: its attempt to demote the other owner is refused, and the row
  // shows that owner's real role and what the now-admin may do with it.
  const otherRow = page.getByRole("row", { name: new RegExp(invitee.email) });
  await otherRow.getByRole("combobox").selectOption("viewer");
  await otherRow.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("alert")).toHaveText("Role: only an owner can grant, change or take away the owner role");
  await expect(otherRow.getByRole("cell").nth(1)).toHaveText("Owner");
  await expect(otherRow).toContainText("Only an owner can change an owner");
  await expect(page.getByRole("row", { name: new RegExp(owner.email) }).getByRole("combobox")).toHaveValue("admin");

  // Remove asks first; then the member is gone.
  const third = newAccount("removable");
  const thirdLink = await createInvitation(second, owner, "Viewer");
  const thirdPage = await openFreshPage();
  await acceptAsNewUser(thirdPage, thirdLink, third);
  await expect(thirdPage).toHaveURL(`/o/${owner.slug}`);
  await second.goto(`/o/${owner.slug}/members`);
  const thirdRow = second.getByRole("row", { name: new RegExp(third.email) });
  await expect(thirdRow.getByRole("button", { name: `Remove ${third.email}` })).toBeHidden();
  await thirdRow.getByText("Remove…").click();
  await expect(thirdRow).toContainText(`Remove ${third.email} from this organisation?`);
  await thirdRow.getByRole("button", { name: `Remove ${third.email}` }).click();
  await expect(second.getByRole("status")).toHaveText("Member removed.");
  await expect(second.getByRole("row", { name: new RegExp(third.email) })).toHaveCount(0);

  await second.goto(`/o/${owner.slug}/audit`);
  // The first owner's invitation is named by its invitee's email, not an id.
  const invitedRow = second.getByRole("row", { name: /Created an invitation/ }).filter({ hasText: owner.email });
  await expect(invitedRow.getByRole("cell").nth(3)).toHaveText(invitee.email);
});
