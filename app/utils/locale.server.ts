/**
 * The reader's locale for number and date formatting, from the browser's Accept-Language (first
 * language Intl supports), else en-US. Formatting only: currency always comes from the scenario.
 */
export function getLocale(request: Request): string {
  const header = request.headers.get("Accept-Language") ?? "";
  for (const part of header.split(",")) {
    const tag = part.split(";")[0]?.trim();
    if (!tag || tag === "*") continue;
    try {
      const [supported] = Intl.NumberFormat.supportedLocalesOf([tag]);
      if (supported) return supported;
    } catch {
      // A malformed tag (RangeError): try the next one.
    }
  }
  return "en-US";
}
