/**
 * The Content-Security-Policy in a real browser (issue 10, item 5; ADR 014): every page a user opens —
 * public pages, the organisation, a scenario with its Monte Carlo worker and charts, a share link,
 * the account page — runs with the policy on and reports no violation, and no other site can frame
 * our pages (the live "Delete organisation" form included).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { expect, signUpOwner, startScenario, test } from "./fixtures.ts";

type ViolationWindow = Window & { __cspViolations?: string[] };

/** Records every CSP violation the page reports, from its first script on. */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const store: string[] = [];
    (window as ViolationWindow).__cspViolations = store;
    document.addEventListener("securitypolicyviolation", (event) => store.push(`${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`));
  });
  return () => page.evaluate(() => (window as ViolationWindow).__cspViolations ?? []);
}

/**
 * The page shows the saved results until an edit; the first edit starts the sensitivity worker.
 * Changes the first month's volume, runs `whileEdited`, then restores the saved value, so that nothing
 * unsaved holds up the next navigation.
 */
async function editVolume(page: Page, whileEdited: () => Promise<void> = async () => undefined): Promise<void> {
  const volume = page.getByLabel("Requests in month 1", { exact: true });
  const savedVolume = await volume.inputValue();
  const workerStarted = page.waitForEvent("worker");
  await volume.fill("250000");
  expect((await workerStarted).url()).toMatch(/\/build\/workers\/monte-carlo\.js(\?|$)/);
  await whileEdited();
  await volume.fill(savedVolume);
  await page.waitForLoadState("networkidle");
}

test("no page breaks the Content-Security-Policy, the Monte Carlo worker included", async ({ page }) => {
  const violations = await recordViolations(page);
  const seen: string[] = [];
  const visit = async (path: string) => {
    const response = await page.goto(path);
    expect(response?.headers()["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-[^']+'/);
    await page.waitForLoadState("networkidle");
    seen.push(...(await violations()).map((violation) => `${path}: ${violation}`));
  };

  for (const path of ["/", "/login", "/signup", "/catalog", "/methodology"]) await visit(path);
  const owner = await signUpOwner(page, "csp");
  for (const path of ["", "/members", "/settings", "/audit", "/shares", "/scenarios"]) await visit(`/o/${owner.slug}${path}`);
  await visit("/account");

  const scenarioPath = await startScenario(page, owner, "Support assistant, four options");
  await editVolume(page);
  seen.push(...(await violations()).map((violation) => `${scenarioPath}: ${violation}`));
  await visit(`${scenarioPath}/history`);
  await visit(`/o/${owner.slug}/scenarios/compare?s=${scenarioPath.split("/").pop()}`);

  // A share link as the prospect sees it: the page with the results and charts.
  await page.goto(scenarioPath);
  await page.getByRole("navigation", { name: "Scenario" }).getByRole("link", { name: "Share" }).click();
  await page.getByLabel("Label", { exact: true }).fill("CSP check");
  await page.getByRole("button", { name: "Create link" }).click();
  const link = (await page.getByTestId("share-link").textContent())?.trim() ?? "";
  await visit(new URL(link).pathname);

  expect(seen).toEqual([]);
});

test("a scenario page served again (ADR 023) carries its answer's nonce and comes alive like a rendered one", async ({ page }) => {
  const violations = await recordViolations(page);
  const owner = await signUpOwner(page, "kept");
  const scenarioPath = await startScenario(page, owner, "Support assistant, four options");
  const rendered = await page.goto(scenarioPath);
  expect(rendered?.headers()["server-timing"]).toBe("kept-page;desc=miss");
  const kept = await page.goto(scenarioPath);
  // The e2e server verifies it (KEPT_PAGES=verify): the kept page was also rendered and found the same.
  expect(kept?.headers()["server-timing"]).toBe("kept-page;desc=hit");
  // Hydrated: an edit recomputes the headline in the browser and starts the sensitivity worker.
  const total = page.locator('[data-headline="cheapest"] .headline-card__value');
  const savedTotal = await total.textContent();
  await editVolume(page, () => expect(total).not.toHaveText(savedTotal ?? ""));
  expect(await violations()).toEqual([]);
});

test("no other page, not even a same-site one, can frame a page of ours", async ({ page, allowConsoleErrors }) => {
  const owner = await signUpOwner(page, "frame");
  const target = new URL(`/o/${owner.slug}/settings`, page.url());
  // A real page on another port of the same host (a page Playwright fulfils would count as a public
  // site, which Chromium already keeps from framing localhost). Same host is the same site: the browser
  // sends our SameSite=Lax cookie along, so without frame-ancestors the frame would show the live
  // settings, "Delete organisation" included.
  const framer = http.createServer((_req, res) => res.writeHead(200, { "Content-Type": "text/html" }).end(`<h1>Another page</h1><iframe src="${target.href}" title="ours"></iframe>`));
  await new Promise<void>((resolve) => framer.listen(0, "127.0.0.1", resolve));
  try {
    allowConsoleErrors(/frame-ancestors|Refused to (display|frame)/);
    await page.goto(`http://localhost:${(framer.address() as AddressInfo).port}/`);
    await page.waitForTimeout(1000);
    const framed = page.frames().find((frame) => frame !== page.mainFrame());
    expect(framed).toBeDefined();
    // The frame holds Chromium's error page, not a page of ours: no Delete button to trick anyone into pressing.
    expect(await framed!.locator("text=Delete organisation").count()).toBe(0);
    expect(new URL(framed!.url()).host).not.toBe(target.host);
  } finally {
    framer.close();
  }
});
