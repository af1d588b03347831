import { z } from "zod";
import { ScenarioSchema } from "~/engine";
import { fractionToPercent } from "./percent.ts";
import { getAtPath, type Path } from "./paths.ts";

/**
 * Field descriptions straight from the engine's zod schema (`.meta({ description })`), found by walking
 * the schema along a field path. The schema is in the browser bundle already (validation uses it), so
 * reading its registry costs no bytes, unlike shipping a generated JSON Schema or calling
 * `z.toJSONSchema` (17 ms per call here). Discriminated unions pick their branch from the value.
 */

type SchemaDef = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  valueType?: z.ZodType;
};

const defOf = (schema: z.ZodType) => schema._zod.def as unknown as SchemaDef;

/** Unwraps optional/default/prefault/pipe wrappers down to the schema that carries the meta. */
function unwrap(schema: z.ZodType): z.ZodType[] {
  const chain = [schema];
  let def = defOf(schema);
  while (def.innerType !== undefined || (def.type === "pipe" && def.in !== undefined)) {
    const inner = (def.innerType ?? def.in) as z.ZodType;
    chain.push(inner);
    def = defOf(inner);
  }
  return chain;
}

function pickBranch(schema: z.ZodType, value: unknown): z.ZodType | null {
  const def = defOf(schema);
  if (def.type !== "union" || def.options === undefined) return schema;
  if (def.discriminator === undefined) return def.options[0] ?? null;
  const tag = getAtPath(value, [def.discriminator]);
  return (
    def.options.find((option) => {
      const literal = defOf(option).shape?.[def.discriminator as string];
      return literal !== undefined && (literal._zod.def as unknown as { values?: unknown[] }).values?.includes(tag);
    }) ?? null
  );
}

/** The zod schema of the field at `path` of `scenario`, or null when the path leaves the format. */
export function findFieldSchema(scenario: unknown, path: Path): z.ZodType | null {
  let schema: z.ZodType | null = ScenarioSchema;
  for (let depth = 0; depth < path.length && schema !== null; depth++) {
    const chain: z.ZodType[] = unwrap(schema);
    const core = chain[chain.length - 1] as z.ZodType;
    const branch = pickBranch(core, getAtPath(scenario, path.slice(0, depth)));
    if (branch === null) return null;
    const def = defOf(branch);
    const key = path[depth] as string | number;
    if (def.type === "object") schema = def.shape?.[String(key)] ?? null;
    else if (def.type === "array") schema = def.element ?? null;
    else if (def.type === "record") schema = def.valueType ?? null;
    else schema = null;
  }
  return schema;
}

/** The description of the field at `path`, as the schema states it, or null. */
export function getFieldDescription(scenario: unknown, path: Path): string | null {
  const schema = findFieldSchema(scenario, path);
  if (schema === null) return null;
  for (const link of unwrap(schema)) {
    const description = z.globalRegistry.get(link)?.description;
    if (description !== undefined) return description;
  }
  return null;
}

/** A decimal field's description split into its words and its bounds, as `decimalField` writes them. */
export interface DecimalDescription {
  text: string;
  min: string;
  max: string;
  minExclusive: boolean;
  integer: boolean;
}

const DECIMAL_DESCRIPTION = /^(.*) \(decimal, (greater than|at least) (-?[\d.]+) and at most (-?[\d.]+)(, whole number)?\)$/;

export function parseDecimalDescription(description: string): DecimalDescription | null {
  const match = DECIMAL_DESCRIPTION.exec(description);
  if (match === null) return null;
  const [, text = "", bound = "", min = "", max = "", whole] = match;
  return { text, min, max, minExclusive: bound === "greater than", integer: whole !== undefined };
}

const groupDigits = (value: string) => value.replace(/^(-?\d+)/, (whole) => whole.replace(/\B(?=(\d{3})+(?!\d))/g, ","));

/**
 * The hint under a field: the schema's description with its bounds in the unit the user types
 * ("share of input tokens served from the prompt cache · 0 to 100 %").
 */
export function formatFieldHint(description: string | null, options: { percent?: boolean; unit?: string } = {}): string | undefined {
  if (description === null) return undefined;
  const parsed = parseDecimalDescription(description);
  if (parsed === null) return description;
  const show = (value: string) => groupDigits(options.percent ? fractionToPercent(value) : value);
  const unit = options.percent ? " %" : options.unit ? ` ${options.unit}` : "";
  const lower = parsed.minExclusive ? `more than ${show(parsed.min)}` : `${show(parsed.min)}`;
  return `${parsed.text} · ${lower} to ${show(parsed.max)}${unit}${parsed.integer ? ", whole number" : ""}`;
}
