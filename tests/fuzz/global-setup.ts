/** The production build the fuzz drives (built when its sources changed), then the integration suite's database. */
import type { TestProject } from "vitest/node";
import { buildIfStale } from "../../scripts/lib/app.ts";
import setupDatabase from "../integration/global-setup.ts";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await buildIfStale();
  return setupDatabase(project);
}
