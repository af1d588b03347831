/**
 * The fuzz covers everything that takes input: every route module with an action, every resource
 * route, Remix's manifest endpoint, and exactly the intents the app's forms send. A new action,
 * endpoint or intent fails here until tests/fuzz/targets.ts has a target for it.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../scripts/lib/paths.ts";
import { build } from "./harness.ts";
import { MANIFEST_TARGET, TARGETS } from "./targets.ts";

describe("fuzz inventory", () => {
  const routes = Object.values(build.routes);
  const targeted = new Set(TARGETS.map((target) => target.route));

  it("has a target for every route module with an action and every resource route (no page)", () => {
    const withAction = routes.filter((route) => route.module.action).map((route) => route.id);
    const resources = routes.filter((route) => !route.module.default).map((route) => route.id);
    expect([...withAction, ...resources].filter((id) => !targeted.has(id))).toEqual([]);
  });

  it("names real routes: an action target has an action, an endpoint target a loader", () => {
    const missing = TARGETS.filter((target) => target.route.startsWith("routes/")).filter(
      (target) => !routes.some((route) => route.id === target.route && route.module[target.kind === "action" ? "action" : "loader"]),
    );
    expect(missing.map((target) => target.route)).toEqual([]);
  });

  it("fuzzes Remix's manifest endpoint exactly when lazy route discovery serves it", () => {
    expect(TARGETS.some((target) => target.route === MANIFEST_TARGET.route)).toBe(build.future.v3_lazyRouteDiscovery);
  });

  it("fuzzes exactly the intents the app's forms send", () => {
    const sent = new Set<string>();
    const appDir = path.join(projectRoot, "app");
    const files = readdirSync(appDir, { recursive: true, encoding: "utf8" }).filter((file) => /\.tsx?$/.test(file) && !file.startsWith("generated"));
    for (const file of files) {
      const source = readFileSync(path.join(appDir, file), "utf8");
      // <input type="hidden" name="intent" value="save" /> and value={archived ? "unarchive" : "archive"}
      for (const match of source.matchAll(/name="intent"\s+value=(?:"([^"]+)"|\{([^}]+)\})/g)) {
        if (match[1]) sent.add(match[1]);
        for (const literal of (match[2] ?? "").matchAll(/"([^"]+)"/g)) sent.add(literal[1] as string);
      }
      // fetcher.submit({ intent: "save", … })
      for (const match of source.matchAll(/submit\(\{\s*intent:\s*"([^"]+)"/g)) sent.add(match[1] as string);
    }
    expect(sent.size).toBeGreaterThan(10);
    expect([...sent].sort()).toEqual([...new Set(TARGETS.flatMap((target) => target.intents))].sort());
  });
});
