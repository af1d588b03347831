/**
 * The organisation URL a name suggests: "Ærø Café GmbH" → "aero-cafe-gmbh". Lower case, accents
 * dropped, anything else a single hyphen, at most 40 characters; may still break a rule (too short,
 * reserved), which validation then reports.
 */
export function suggestSlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/æ/gi, "ae")
    .replace(/ø/gi, "o")
    .replace(/ß/g, "ss")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
}
