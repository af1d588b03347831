/**
 * Shared e2e fixtures: every page is watched for console errors and uncaught exceptions (a test
 * fails on any it did not expect), accounts are unique per run, screenshots land in
 * .test-output/screens/ at the configured 1280×800 viewport.
 */
import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import pg from "pg";
import { provideDatabase, withDatabaseName } from "../scripts/lib/database.ts";

export { expect };

export interface Account {
  email: string;
  password: string;
  orgName: string;
  slug: string;
}

/** A fresh user and organisation: unique across runs and parallel workers. */
export function newAccount(label: string): Account {
  const id = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  return {
    email: `${label}-${id}@example.test`,
    password: `correct horse ${id}`,
    orgName: `${label[0]?.toUpperCase() ?? ""}${label.slice(1)} Labs ${id}`,
    slug: `${label}-${id}`,
  };
}

/**
 * Collects console errors and uncaught exceptions of a page, except those matching `allow`
 * (a list the test may still extend): messages a test provokes on purpose.
 */
function watchConsole(page: Page, allow: RegExp[]): () => string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  return () => errors.filter((error) => !allow.some((pattern) => pattern.test(error)));
}

interface Fixtures {
  consoleAllowList: RegExp[];
  /** Console errors this test provokes on purpose, on `page` and on pages from openFreshPage. */
  allowConsoleErrors: (...patterns: RegExp[]) => void;
  /** A page in a new browser context (no cookies): another person on another machine. */
  openFreshPage: () => Promise<Page>;
}

// Fixture callbacks name their second argument `provide` rather than Playwright's usual `use`,
// which the React hooks lint rule would take for React's `use` hook.
export const test = base.extend<Fixtures>({
  // Playwright reads a fixture's dependencies from its destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  consoleAllowList: async ({}, provide) => {
    await provide([]);
  },
  page: async ({ page, consoleAllowList }, provide) => {
    const unexpectedErrors = watchConsole(page, consoleAllowList);
    await provide(page);
    expect(unexpectedErrors(), "console errors on the page").toEqual([]);
  },
  allowConsoleErrors: async ({ consoleAllowList }, provide) => {
    await provide((...patterns) => consoleAllowList.push(...patterns));
  },
  openFreshPage: async ({ browser, consoleAllowList }, provide) => {
    const opened: { context: BrowserContext; unexpectedErrors: () => string[] }[] = [];
    await provide(async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      opened.push({ context, unexpectedErrors: watchConsole(page, consoleAllowList) });
      return page;
    });
    for (const { context, unexpectedErrors } of opened) {
      await context.close();
      expect(unexpectedErrors(), "console errors on the fresh page").toEqual([]);
    }
  },
});

/** A 1280×800 screenshot of what the user sees, for people to look at after the run. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `.test-output/screens/${name}.png` });
}

export async function signUp(page: Page, account: Account): Promise<void> {
  await page.goto("/signup");
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByLabel("Organisation name").fill(account.orgName);
  await page.getByLabel("Organisation URL").fill(account.slug);
  await page.getByRole("button", { name: "Create account" }).click();
}

export async function logIn(page: Page, { email, password }: Pick<Account, "email" | "password">): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

/** As an admin: creates an invitation for `role` on the members page and returns its link. */
export async function createInvitation(page: Page, org: Pick<Account, "slug">, role: "Viewer" | "Editor" | "Admin"): Promise<string> {
  await page.goto(`/o/${org.slug}`);
  await page.getByRole("navigation", { name: "Organisation" }).getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();
  await page.getByLabel("Role").selectOption({ label: role });
  await page.getByRole("button", { name: "Create invitation" }).click();
  const link = page.getByTestId("invite-link");
  await expect(link).toContainText("/invite/");
  return (await link.textContent())?.trim() ?? "";
}

/** A new person accepts `inviteLink` by creating an account on the invitation page. */
export async function acceptAsNewUser(page: Page, inviteLink: string, account: Pick<Account, "email" | "password">): Promise<void> {
  await page.goto(inviteLink);
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Create account and join" }).click();
}

/** A new owner, signed up and on their organisation's overview. */
export async function signUpOwner(page: Page, label: string): Promise<Account> {
  const owner = newAccount(label);
  await signUp(page, owner);
  await expect(page).toHaveURL(`/o/${owner.slug}`);
  return owner;
}

/** Creates a scenario from `template` (a button on the scenario list) and returns its page's path. */
export async function startScenario(page: Page, owner: Pick<Account, "slug">, template = "New blank scenario"): Promise<string> {
  await page.goto(`/o/${owner.slug}/scenarios`);
  await page.getByRole("button", { name: template }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${owner.slug}/scenarios/\\w+$`));
  await expect(page.getByRole("status").filter({ hasText: "Saved · revision 1" })).toBeVisible();
  return new URL(page.url()).pathname;
}

/** No serious or critical accessibility violation (axe-core) on the page as it stands. */
export async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const severe = violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(severe.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** The e2e server's database, for changes behind the app's back (scripts/e2e-server.ts picks it the same way). */
export async function withE2eDatabase<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const server = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
  const databaseName = process.env.E2E_DATABASE || "opentco_e2e";
  const database = await provideDatabase({ databaseName, urlFromEnv: server && withDatabaseName(server, databaseName) });
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
