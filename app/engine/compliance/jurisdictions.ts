import { z } from "zod";

/**
 * ISO 3166-1 alpha-2 country codes (officially assigned, 249 codes, ISO 3166
 * Maintenance Agency list). The United Kingdom is GB; "UK" is only a region code here.
 */
const ISO_COUNTRY_CODES = `
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW
BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI
FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN
IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME
MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF
PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV
SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE
YT ZA ZM ZW`
  .trim()
  .split(/\s+/);

const COUNTRY_SET: ReadonlySet<string> = new Set(ISO_COUNTRY_CODES);

/** The 27 EU member states (since 2020-02-01). */
export const EU_MEMBER_STATES: readonly string[] = [
  "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
  "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
];

/** The EEA: the EU plus Iceland, Liechtenstein and Norway. */
export const EEA_COUNTRIES: readonly string[] = [...EU_MEMBER_STATES, "IS", "LI", "NO"];

/**
 * Region codes a profile may name. Each resolves to the countries it covers;
 * "US" and "UK" are single-country regions offered because users think in them.
 */
export const REGION_MEMBERS = {
  EU: EU_MEMBER_STATES,
  EEA: EEA_COUNTRIES,
  US: ["US"],
  UK: ["GB"],
} as const satisfies Record<string, readonly string[]>;

export type RegionCode = keyof typeof REGION_MEMBERS;
export const REGION_CODES = Object.keys(REGION_MEMBERS) as RegionCode[];

/** An ISO 3166-1 alpha-2 country code, validated against the assigned list. */
export const CountryCodeSchema = z.string().superRefine((value, ctx) => {
  if (!COUNTRY_SET.has(value)) {
    const hint = value === "UK" ? " (the United Kingdom is GB)" : value === "EU" ? " (EU is a region, not a country)" : "";
    ctx.addIssue({
      code: "custom",
      message: `must be an ISO 3166-1 alpha-2 country code in upper case, got "${value}"${hint}`,
    });
  }
});
export type CountryCode = string;

export const RegionCodeSchema = z.enum(REGION_CODES as [RegionCode, ...RegionCode[]], {
  error: () => `must be one of the region codes ${REGION_CODES.join(", ")}`,
});

/** A jurisdiction: a country or one of the region codes (for data subjects spread over a region). */
export const JurisdictionSchema = z.string().superRefine((value, ctx) => {
  if (!COUNTRY_SET.has(value) && !(value in REGION_MEMBERS)) {
    ctx.addIssue({
      code: "custom",
      message: `must be an ISO 3166-1 alpha-2 country code or one of the regions ${REGION_CODES.join(", ")}, got "${value}"`,
    });
  }
});
export type Jurisdiction = string;

/** The countries a jurisdiction covers: itself for a country, its members for a region. */
export function listCountriesOf(jurisdiction: Jurisdiction): readonly string[] {
  if (jurisdiction in REGION_MEMBERS) return REGION_MEMBERS[jurisdiction as RegionCode];
  return [jurisdiction];
}

/** Whether a country is in the EU/EEA, the reference area of the EU sovereignty framework and GDPR. */
export function isInEea(country: CountryCode): boolean {
  return EEA_COUNTRIES.includes(country);
}
