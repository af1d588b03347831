import type { CapabilityValue, DeploymentCapability, Fact, Place } from "./catalog.ts";
import { getDeploymentCapability } from "./catalog.ts";
import type { DeclaredFact, DeploymentRef } from "./deployment.ts";
import type { CountryCode } from "./jurisdictions.ts";
import { EEA_COUNTRIES, EU_MEMBER_STATES, isInEea } from "./jurisdictions.ts";
import type { ComplianceSource, SourceId } from "./sources.ts";
import { getComplianceSource } from "./sources.ts";

/** How much a reason weighs: "block" excludes the option, "condition" must be met first, "info" informs. */
export type ReasonSeverity = "block" | "condition" | "info";

export interface ComplianceReason {
  /** The profile item the reason comes from, as a path: "requirements.baa", "regimes.hipaa", "processing". */
  requirement: string;
  severity: ReasonSeverity;
  message: string;
  /** The catalogue or regulatory source behind the reason. */
  source: ComplianceSource;
  /** The source of the rule applied, when it differs from the fact's (e.g. the law a parent company is subject to). */
  ruleSource?: ComplianceSource;
}

/** Where processing may happen once the deployment's choices are applied. */
export type ResolvedPlaces =
  | { kind: "within"; places: readonly Place[]; guaranteed: boolean; guaranteeNote?: string }
  | { kind: "global" }
  | { kind: "unknown" };

/** Who holds a role (owner of the stack, operator of the facility or service). */
export type Party =
  | { kind: "customer"; jurisdiction: CountryCode }
  | { kind: "company"; name: string; jurisdiction: CountryCode }
  | { kind: "undeclared"; role: string };

/** A catalogue entry with the deployment's own facts (location, operator) applied. */
export interface ResolvedDeployment {
  /** The catalogue entry with the customer's declared facts in place of the catalogue's values. */
  entry: DeploymentCapability;
  places: Fact<ResolvedPlaces>;
  /** Who owns the hardware or service holding the data. */
  owner: Fact<Party>;
  /** Who runs the facility or service day to day (has physical or administrative access). */
  operator: Fact<Party>;
}

/**
 * Applies a deployment reference to its catalogue entry. `companyJurisdiction` is the customer's
 * country, used for placements the customer owns. Throws on an unknown catalogue id, which the
 * deployment schema already rejects with a field message.
 */
export function resolveDeployment(ref: DeploymentRef, companyJurisdiction: CountryCode): ResolvedDeployment {
  const catalogued = getDeploymentCapability(ref.catalogId);
  if (catalogued === null) throw new Error(`deployment.catalogId: unknown catalogue id "${ref.catalogId}"`);
  const entry = applyDeclaredFacts(catalogued, ref.declaredFacts);
  const processing = entry.processing.value;
  let places: Fact<ResolvedPlaces>;
  if (processing.kind === "fixed") {
    places = { value: { kind: "within", places: processing.places, guaranteed: true }, source: entry.processing.source, note: entry.processing.note };
  } else if (processing.kind === "customer-chosen") {
    const location = ref.location;
    if (location === undefined) {
      places = { value: { kind: "unknown" }, source: "not-recorded", note: "no location given for this deployment" };
    } else {
      const guarantee = processing.guaranteedWithin;
      const guaranteed = guarantee === undefined || guarantee.some((place) => isPlaceWithin(location, listPlaceCountries(place)));
      places = {
        value: {
          kind: "within",
          places: [location],
          guaranteed,
          guaranteeNote: guaranteed ? undefined : `${entry.provider} guarantees residency only within ${(guarantee ?? []).join(", ")}`,
        },
        source: "customer-declared",
        note: entry.processing.note,
      };
    }
  } else {
    places = { value: processing, source: entry.processing.source, note: entry.processing.note };
  }

  const parent = entry.parent.value;
  let operator: Fact<Party>;
  if (parent.kind === "company") {
    operator = { value: parent, source: entry.parent.source };
  } else if (parent.kind === "customer") {
    operator = { value: { kind: "customer", jurisdiction: companyJurisdiction }, source: "customer-declared" };
  } else if (ref.operator === undefined) {
    operator = { value: { kind: "undeclared", role: parent.role }, source: "not-recorded", note: `${parent.role} not declared` };
  } else {
    operator = { value: { kind: "company", name: ref.operator.name, jurisdiction: ref.operator.jurisdiction }, source: "customer-declared" };
  }
  const owner: Fact<Party> =
    entry.kind === "self-hosted-owned"
      ? { value: { kind: "customer", jurisdiction: companyJurisdiction }, source: "customer-declared", note: "you own the hardware" }
      : operator;
  return { entry, places, owner, operator };
}

/** The entry with each declared fact replacing the catalogue's value, sourced to the customer. */
function applyDeclaredFacts(entry: DeploymentCapability, declared: readonly DeclaredFact[]): DeploymentCapability {
  const result: DeploymentCapability = { ...entry, certifications: { ...entry.certifications } };
  for (const fact of declared) {
    const replacement: Fact<CapabilityValue> = { value: fact.value, source: "customer-declared", note: `declared: ${fact.evidence}` };
    switch (fact.capability) {
      case "zeroDataRetention":
      case "noTrainingOnCustomerData":
      case "baa":
      case "customerManagedKeys":
      case "auditRights":
        result[fact.capability] = replacement;
        break;
      default:
        result.certifications[fact.capability] = replacement;
    }
  }
  return result;
}

/** The countries a place covers, or null when the source does not list them (APAC). */
export function listPlaceCountries(place: Place): readonly string[] | null {
  if (place === "EU") return EU_MEMBER_STATES;
  if (place === "EEA") return EEA_COUNTRIES;
  if (place === "APAC") return null;
  return [place];
}

/** Whether every country a place may cover lies in `allowed`; a place with unlisted countries never does. */
export function isPlaceWithin(place: Place, allowed: readonly string[] | null): boolean {
  const countries = listPlaceCountries(place);
  if (countries === null || allowed === null) return false;
  return countries.every((country) => allowed.includes(country));
}

/** Whether all resolved places lie in the EU/EEA: true, false, or null when not known. */
export function arePlacesInEea(places: ResolvedPlaces): boolean | null {
  if (places.kind === "unknown") return null;
  if (places.kind === "global") return false;
  return places.places.every((place) => isPlaceWithin(place, EEA_COUNTRIES));
}

/** The jurisdiction of a party, or null when undeclared. */
export function getPartyJurisdiction(party: Party): CountryCode | null {
  return party.kind === "undeclared" ? null : party.jurisdiction;
}

/** A short human name for a party. */
export function describeParty(party: Party): string {
  if (party.kind === "customer") return `you (${party.jurisdiction})`;
  if (party.kind === "company") return `${party.name} (${party.jurisdiction})`;
  return `the ${party.role} (not declared)`;
}

/** Whether a party is in the EU/EEA: true, false, or null when undeclared. */
export function isPartyInEea(party: Party): boolean | null {
  const jurisdiction = getPartyJurisdiction(party);
  return jurisdiction === null ? null : isInEea(jurisdiction);
}

/** Builds a reason citing a source by id. */
export function createReason(requirement: string, severity: ReasonSeverity, message: string, source: SourceId): ComplianceReason {
  return { requirement, severity, message, source: getComplianceSource(source) };
}

/** A readable list of resolved places. */
export function describePlaces(places: ResolvedPlaces): string {
  if (places.kind === "global") return "anywhere (no regional guarantee)";
  if (places.kind === "unknown") return "an unrecorded location";
  return places.places.join(", ");
}
