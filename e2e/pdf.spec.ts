import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import type { Download } from "@playwright/test";
import { expect, screenshot, signUpOwner, startScenario, test } from "./fixtures.ts";

/** Where downloaded PDFs are kept for people to look at after the run. */
const PDF_DIR = ".test-output/pdf";

/** Saves the download and reads it back with poppler: text (whitespace collapsed) and page count. */
async function readDownload(download: Download, name: string): Promise<{ text: string; pages: number }> {
  mkdirSync(PDF_DIR, { recursive: true });
  const file = `${PDF_DIR}/${name}.pdf`;
  await download.saveAs(file);
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))?.[1]);
  return { text, pages };
}

test("a member downloads the scenario's PDF and traces the printed fingerprint back to its revision", async ({ page }) => {
  test.setTimeout(60_000);
  const owner = await signUpOwner(page, "procurer");
  await startScenario(page, owner, "Support assistant, four options");
  const button = page.getByRole("link", { name: "Download PDF" });
  const downloading = page.waitForEvent("download");
  await button.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/ - revision 1\.pdf$/);
  const pdf = await readDownload(download, "scenario");
  expect(pdf.pages).toBeGreaterThanOrEqual(8);
  for (const expected of ["Executive summary", "Comparison of options", "Assumptions", "Methodology", `page 1 of ${pdf.pages}`]) expect(pdf.text).toContain(expected);
  await expect(page.getByRole("link", { name: "Download PDF" })).toBeVisible();

  const fingerprint = /Fingerprint \(SHA-256 of the inputs\): ([0-9a-f]{64})/.exec(pdf.text)?.[1] ?? "";
  expect(fingerprint).toHaveLength(64);
  await page.getByRole("link", { name: "Verify a copy" }).click();
  await page.getByLabel("Fingerprint").fill(fingerprint);
  await page.getByRole("button", { name: "Verify" }).click();
  const match = page.getByTestId("verify-match");
  await expect(match).toContainText("revision 1");
  await expect(match).toContainText("Current: this is the scenario's latest revision.");
  await screenshot(page, "40-verify");
});

test("two scenarios are compared and the comparison is downloaded as one PDF", async ({ page }) => {
  test.setTimeout(60_000);
  const owner = await signUpOwner(page, "comparer");
  await startScenario(page, owner, "Support assistant, four options");
  await startScenario(page, owner, "EU personal data under GDPR");
  await page.goto(`/o/${owner.slug}/scenarios`);
  await page.getByRole("link", { name: "Compare scenarios" }).click();
  await page.getByLabel(/Support assistant/).check();
  await page.getByLabel(/EU insurer claims assistant/).check();
  await page.getByRole("button", { name: "Compare", exact: true }).click();
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download comparison PDF" }).click();
  const pdf = await readDownload(await downloading, "compare");
  expect(pdf.text).toContain("Scenarios side by side");
  expect(pdf.text).toContain("Support assistant");
  expect(pdf.text).toContain("EU insurer claims assistant");
  await screenshot(page, "41-compare-pdf");
});

test("the download button says it is busy, then shows the server's reason when the PDF cannot be made", async ({ page, allowConsoleErrors }) => {
  allowConsoleErrors(/status of 503/);
  const owner = await signUpOwner(page, "waiter");
  await startScenario(page, owner, "Support assistant, four options");
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/pdf?revision=*", async (route) => {
    await held;
    await route.fulfill({ status: 503, contentType: "text/plain; charset=utf-8", body: "Many PDFs are being prepared right now (8 waiting). Try again in 30 seconds." });
  });
  await page.getByRole("link", { name: "Download PDF" }).click();
  await expect(page.getByRole("link", { name: "Preparing PDF…" })).toHaveAttribute("aria-busy", "true");
  await screenshot(page, "42-pdf-preparing");
  release();
  await expect(page.getByRole("alert")).toHaveText("PDF: Many PDFs are being prepared right now (8 waiting). Try again in 30 seconds.");
  await expect(page.getByRole("link", { name: "Download PDF" })).toBeVisible();
  await screenshot(page, "43-pdf-error");
});
