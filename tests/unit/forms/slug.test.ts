import { describe, expect, it } from "vitest";
import { SlugSchema } from "~/schemas/organization.ts";
import { suggestSlug } from "~/utils/slug.ts";

describe("suggestSlug: the organisation URL a name suggests", () => {
  it.each([
    ["Acme Research", "acme-research"],
    ["  Ærø Café GmbH  ", "aero-cafe-gmbh"],
    ["Straße & Söhne", "strasse-sohne"],
    ["ACME -- Labs!!", "acme-labs"],
    ["Ünïcödé 2026", "unicode-2026"],
    ["日本", ""],
  ])("%j → %j", (name, slug) => {
    expect(suggestSlug(name)).toBe(slug);
  });

  it("stays within 40 characters without a trailing hyphen, and what it suggests for a long name passes validation", () => {
    const slug = suggestSlug("The International Consortium of Very Long Organisation Names");
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug).not.toMatch(/-$/);
    expect(SlugSchema.safeParse(slug).success).toBe(true);
  });
});
