import { expect, logIn, newAccount, screenshot, signUp, test } from "./fixtures.ts";
import { DEMO_LOGIN } from "../prisma/demo-login.ts";

// The app answers a rejected form with 400/409, which Chromium logs as a failed resource load.
const rejectedForm = /Failed to load resource: the server responded with a status of (400|409)/;

test("sign up creates the user and the organisation, then log out and log back in", async ({ page }) => {
  const account = newAccount("owner");
  await page.goto("/");
  await screenshot(page, "01-landing");
  await page.getByRole("link", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/signup$/);
  await screenshot(page, "02-signup");

  await signUp(page, account);
  await expect(page).toHaveURL(`/o/${account.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: account.orgName })).toBeVisible();
  await expect(page.getByRole("row", { name: /Your role/ })).toContainText("Owner");
  await screenshot(page, "03-organisation-overview");

  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  // The session is gone: the organisation now sends us to the login page.
  await page.goto(`/o/${account.slug}`);
  await expect(page).toHaveURL(/\/login/);
  await screenshot(page, "04-login");

  await logIn(page, account);
  await expect(page).toHaveURL(`/o/${account.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: account.orgName })).toBeVisible();
});

test("sign-up errors are shown beside the fields that broke a rule", async ({ page, allowConsoleErrors }) => {
  allowConsoleErrors(rejectedForm);
  const account = newAccount("badinput");
  await signUp(page, { ...account, email: "not-an-email", password: "short" });

  const email = page.getByLabel("Email", { exact: true });
  const password = page.getByLabel("Password", { exact: true });
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveAccessibleDescription(/Email: must be a valid address/);
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(password).toHaveAccessibleDescription(/Password: at least 12 characters/);
  // The fields that were fine keep their values and carry no error.
  await expect(page.getByLabel("Organisation name")).toHaveValue(account.orgName);
  await expect(page.getByLabel("Organisation name")).not.toHaveAttribute("aria-invalid", "true");
  await screenshot(page, "05-signup-errors");
  await expect(page).toHaveURL(/\/signup$/);
});

test("a registered email gets a neutral answer; an organisation URL in use is refused beside its field", async ({ page, openFreshPage, allowConsoleErrors }) => {
  allowConsoleErrors(rejectedForm);
  const first = newAccount("first");
  await signUp(page, first);
  await expect(page).toHaveURL(`/o/${first.slug}`);

  const visitor = await openFreshPage();
  const second = newAccount("second");
  await signUp(visitor, { ...second, email: first.email.toUpperCase() });
  // ADR 013: the answer does not say that the email has an account.
  await expect(visitor.getByRole("alert")).toHaveText(/^We could not create an account with this email and password\./);
  await expect(visitor.getByLabel("Email", { exact: true })).not.toHaveAttribute("aria-invalid", "true");
  await expect(visitor).toHaveURL(/\/signup$/);

  await signUp(visitor, { ...second, slug: first.slug });
  await expect(visitor.getByLabel("Organisation URL")).toHaveAccessibleDescription(/Organisation URL: already taken/);
  await expect(visitor.getByLabel("Email", { exact: true })).not.toHaveAttribute("aria-invalid", "true");
});

test("a wrong password is refused without saying whether the account exists", async ({ page, allowConsoleErrors }) => {
  allowConsoleErrors(rejectedForm);
  const account = newAccount("wrongpw");
  await signUp(page, account);
  await expect(page).toHaveURL(`/o/${account.slug}`);
  await page.getByRole("button", { name: "Log out" }).click();
  // Wait for the logout to land: /login sends a still-logged-in visitor away.
  await expect(page).toHaveURL(/\/login$/);

  await logIn(page, { email: account.email, password: `${account.password}!` });
  await expect(page.getByRole("alert")).toHaveText("Email or password is incorrect.");
  // The email stays for the next try; the rejected password does not.
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(account.email);
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
  await logIn(page, { email: `nobody-${account.email}`, password: account.password });
  await expect(page.getByRole("alert")).toHaveText("Email or password is incorrect.");
  await expect(page).toHaveURL(/\/login/);
});

test("after five failed log-ins the email is refused for a while, with a message above the form", async ({ page, allowConsoleErrors }) => {
  allowConsoleErrors(/Failed to load resource: the server responded with a status of (400|429)/);
  // An email without an account is throttled exactly like one with an account.
  const { email, password } = newAccount("locked");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await logIn(page, { email, password });
    await expect(page.getByRole("alert")).toHaveText("Email or password is incorrect.");
  }
  await logIn(page, { email, password });
  await expect(page.getByRole("alert")).toHaveText(/^Too many failed log-ins for this email\. Try again in 1[45] minutes\.$/);
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(email);
  await screenshot(page, "06-login-throttled");
});

test("the demo login printed by the seed opens the demo organisation", async ({ page }) => {
  await logIn(page, DEMO_LOGIN);
  await expect(page).toHaveURL(`/o/${DEMO_LOGIN.orgSlug}`);
  await expect(page.getByRole("heading", { level: 1, name: DEMO_LOGIN.orgName })).toBeVisible();
  await screenshot(page, "10-demo-organisation");
});
