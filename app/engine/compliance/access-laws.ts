import type { CountryCode } from "./jurisdictions.ts";
import type { SourceId } from "./sources.ts";

/**
 * Laws that let a government compel a company under its jurisdiction to hand over data it
 * controls, wherever the data is stored. Extend by adding a country.
 */
export const FOREIGN_ACCESS_LAWS: Readonly<Record<CountryCode, { name: string; source: SourceId }>> = {
  US: { name: "US CLOUD Act (2018)", source: "us-cloud-act" },
  CN: { name: "PRC National Intelligence Law (2017), art. 7", source: "statute-text" },
};

/**
 * The access law a party in `partyJurisdiction` is subject to that is foreign to a customer in
 * `companyJurisdiction`, or null when there is none.
 */
export function findForeignAccessLaw(
  partyJurisdiction: CountryCode,
  companyJurisdiction: CountryCode,
): { name: string; source: SourceId } | null {
  if (partyJurisdiction === companyJurisdiction) return null;
  return FOREIGN_ACCESS_LAWS[partyJurisdiction] ?? null;
}
