/**
 * A route module's loader or action built by a call (a wrapper such as answerUnavailableDatabase)
 * must be marked pure: the browser bundle keeps top-level calls it cannot prove free of effects, and
 * the wrapper's *.server module is empty there, so an unmarked call throws on every page that loads
 * the route (it did, for log-in and sign-up).
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const routesDir = fileURLToPath(new URL("../../../app/routes/", import.meta.url));
const files = readdirSync(routesDir).filter((file) => /\.tsx?$/.test(file));

/** `export const loader = wrap(` written without the pure mark, per file. */
function findUnmarkedCalls(source: string): string[] {
  return [...source.matchAll(/^export const (loader|action|clientLoader|clientAction) = (?!\/\* @__PURE__ \*\/ )([\w.]+)\(/gm)].map((match) => `${match[1]} = ${match[2]}(`);
}

describe("route exports built by a call", () => {
  it("finds an unmarked one", () => {
    expect(findUnmarkedCalls("export const action = answerUnavailableDatabase(async () => null);")).toEqual(["action = answerUnavailableDatabase("]);
    expect(findUnmarkedCalls("export const action = /* @__PURE__ */ answerUnavailableDatabase(async () => null);")).toEqual([]);
  });

  it.each(files)("%s marks every such call pure", (file) => {
    expect(findUnmarkedCalls(readFileSync(`${routesDir}${file}`, "utf8"))).toEqual([]);
  });
});
