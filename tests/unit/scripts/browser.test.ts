/**
 * scripts/lib/browser.ts picks the tests' Chromium: CHROMIUM_PATH, else Debian's, else the one in
 * the @sparticuz/chromium package (unpacked once into node_modules/.cache, then reused).
 */
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LAUNCH_ARGS, launchOptions, resolveBrowser } from "../../../scripts/lib/browser.ts";

// Any executable file stands in for a browser here: nothing is launched.
const anExecutable = process.execPath;
const absent = "/nonexistent/chromium";

describe("the tests' browser", () => {
  it("is CHROMIUM_PATH when set, before Debian's", async () => {
    const browser = await resolveBrowser({ env: { CHROMIUM_PATH: anExecutable }, debianChromium: anExecutable });
    expect(browser).toMatchObject({ executablePath: anExecutable, source: "CHROMIUM_PATH", args: [...LAUNCH_ARGS] });
    expect(browser.description).toContain("CHROMIUM_PATH");
  });

  it("refuses a CHROMIUM_PATH that is not an executable instead of falling back", async () => {
    await expect(resolveBrowser({ env: { CHROMIUM_PATH: absent }, debianChromium: anExecutable })).rejects.toThrow(
      `CHROMIUM_PATH=${absent} is not an executable file.`,
    );
  });

  it("is Debian's when present, launched with Playwright's default headless setting", async () => {
    const browser = await resolveBrowser({ env: {}, debianChromium: anExecutable });
    expect(browser).toMatchObject({ executablePath: anExecutable, source: "debian" });
    expect(browser.env).toBeUndefined();
    expect(launchOptions(browser)).toEqual({ executablePath: anExecutable, args: [...LAUNCH_ARGS] });
  });

  it.runIf(process.platform === "linux" && process.arch === "x64")(
    "is the npm package's otherwise: unpacked, headless, its own libraries first on LD_LIBRARY_PATH",
    async () => {
      const browser = await resolveBrowser({ env: { LD_LIBRARY_PATH: "/opt/x" }, debianChromium: absent });
      expect(browser.source).toBe("npm");
      expect(browser.executablePath).toMatch(/node_modules\/\.cache\/opentco-chromium\/[\d.]+\/chromium$/);
      expect(existsSync(browser.executablePath)).toBe(true);
      const libraries = browser.env?.LD_LIBRARY_PATH?.split(":") ?? [];
      expect(libraries[1]).toBe("/opt/x");
      expect(existsSync(`${libraries[0]}/libnss3.so`)).toBe(true);
      expect(launchOptions(browser)).toMatchObject({ executablePath: browser.executablePath, headless: true, args: [...LAUNCH_ARGS] });
      // A second call reuses the unpacked copy.
      expect((await resolveBrowser({ env: {}, debianChromium: absent })).executablePath).toBe(browser.executablePath);
    },
    60_000,
  );
});
