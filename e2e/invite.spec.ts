import { createInvitation, expect, newAccount, screenshot, signUp, test, type Account } from "./fixtures.ts";
import type { Page } from "@playwright/test";

test("an owner invites a new person, who creates an account from the link and joins with that role", async ({ page, openFreshPage, allowConsoleErrors }) => {
  // The used link answers 404, which Chromium logs as a failed load.
  allowConsoleErrors(/status of 404/);
  const owner = newAccount("inviter");
  await signUp(page, owner);
  await expect(page).toHaveURL(`/o/${owner.slug}`);
  const inviteLink = await createInvitation(page, owner, "Editor");
  expect(new URL(inviteLink).pathname).toMatch(/^\/invite\/[\w-]+$/);
  await expect(page.getByRole("region", { name: "Pending invitations" }).getByRole("cell", { name: "Editor" })).toBeVisible();
  await screenshot(page, "06-members-invitation-created");

  const invitee = newAccount("invitee");
  const visitor = await openFreshPage();
  await visitor.goto(inviteLink);
  await expect(visitor.getByRole("heading", { level: 1, name: `Join ${owner.orgName}` })).toBeVisible();
  await expect(visitor.getByText(/as editor/)).toBeVisible();
  await screenshot(visitor, "07-invitation-new-user");
  await visitor.getByLabel("Email", { exact: true }).fill(invitee.email);
  await visitor.getByLabel("Password", { exact: true }).fill(invitee.password);
  await visitor.getByRole("button", { name: "Create account and join" }).click();

  await expect(visitor).toHaveURL(`/o/${owner.slug}`);
  await expect(visitor.getByRole("row", { name: /Your role/ })).toContainText("Editor");
  // An editor does not manage members: no Settings or Audit in the navigation.
  const nav = visitor.getByRole("navigation", { name: "Organisation" });
  await expect(nav.getByRole("link", { name: "Members" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0);
  await screenshot(visitor, "08-invitee-overview");

  // The link was single-use.
  const latecomer = await openFreshPage();
  const used = await latecomer.goto(inviteLink);
  expect(used?.status()).toBe(404);
  await expect(latecomer.getByRole("alert")).toHaveText("Invitation: this link has already been used");
  await expect(latecomer.getByRole("button", { name: "Create account and join" })).toHaveCount(0);

  await page.reload();
  const members = page.getByRole("region", { name: "People with access" });
  await expect(members.getByRole("row", { name: new RegExp(invitee.email) })).toContainText("Editor");
});

test("someone who already has an account logs in from the invitation and joins a second organisation", async ({ page, openFreshPage }) => {
  const owner = newAccount("host");
  await signUp(page, owner);
  await expect(page).toHaveURL(`/o/${owner.slug}`);
  const inviteLink = await createInvitation(page, owner, "Viewer");

  const guest = newAccount("guest");
  const visitor = await openFreshPage();
  await signUp(visitor, guest);
  await expect(visitor).toHaveURL(`/o/${guest.slug}`);
  await visitor.getByRole("button", { name: "Log out" }).click();
  await expect(visitor).toHaveURL(/\/login$/);

  await visitor.goto(inviteLink);
  await visitor.getByRole("link", { name: "Log in to accept" }).click();
  await logInHere(visitor, guest);
  await expect(visitor).toHaveURL(new URL(inviteLink).pathname);
  await visitor.getByRole("button", { name: `Join ${owner.orgName}` }).click();

  await expect(visitor).toHaveURL(`/o/${owner.slug}`);
  await expect(visitor.getByRole("row", { name: /Your role/ })).toContainText("Viewer");
  // Both organisations are now the guest's: the switcher offers the other one.
  await visitor.getByLabel(/Switch organisation/).click();
  await expect(visitor.getByRole("list", { name: "Your organisations" }).getByRole("link", { name: guest.orgName })).toBeVisible();
});

/** Fills the login form already on screen (keeps its redirectTo), unlike logIn() which opens /login. */
async function logInHere(page: Page, account: Account): Promise<void> {
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Log in" }).click();
}
