import type { CapabilityValue, Company, DeploymentCapability, Fact, Place } from "./deployment-capabilities.ts";
import { getDeploymentCapability } from "./deployment-capabilities.ts";
import type { DeclaredFact, DeploymentRef } from "./deployment.ts";
import type { CountryCode } from "./jurisdictions.ts";
import { EEA_COUNTRIES, EU_MEMBER_STATES, isInEea } from "./jurisdictions.ts";

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

/** The operator's sub-processors once the deployment's declaration is applied. */
export type ResolvedSubProcessors =
  | { kind: "listed"; companies: readonly Company[] }
  | { kind: "undeclared" }
  | { kind: "not-applicable" };

/** A catalogue entry with the deployment's own facts (location, operator, control) applied. */
export interface ResolvedDeployment {
  /** The catalogue entry with the customer's declared facts in place of the catalogue's values. */
  entry: DeploymentCapability;
  places: Fact<ResolvedPlaces>;
  /** Who holds strategic control of the hardware or service: you for owned hardware, else the operator's ultimate parent. */
  owner: Fact<Party>;
  /** Who runs the facility or service day to day (has physical or administrative access). */
  operator: Fact<Party>;
  /** Who controls the operator: the top of its ownership chain (the operator itself when nobody else does). */
  ultimateParent: Fact<Party>;
  /** Who else handles the data for the operator. */
  subProcessors: Fact<ResolvedSubProcessors>;
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
          guaranteeNote: guaranteed ? undefined : `${entry.provider}'s residency guarantee is recorded only for ${(guarantee ?? []).join(", ")}${entry.processing.note === undefined ? "" : ` (${entry.processing.note})`}`,
        },
        source: "customer-declared",
        note: entry.processing.note,
      };
    }
  } else {
    places = { value: { kind: "global" }, source: entry.processing.source, note: entry.processing.note };
  }

  const { operator, ultimateParent } = resolveControl(entry, ref, companyJurisdiction);
  const owner: Fact<Party> =
    entry.kind === "self-hosted-owned"
      ? { value: { kind: "customer", jurisdiction: companyJurisdiction }, source: "customer-declared", note: "you own the hardware" }
      : ultimateParent;
  return { entry, places, owner, operator, ultimateParent, subProcessors: resolveSubProcessors(entry, ref) };
}

/**
 * The operator and its ultimate parent. A catalogued provider is named by its ultimate parent, so
 * both are that company; a declared operator without a declared ultimate parent leaves the parent
 * undeclared.
 */
function resolveControl(entry: DeploymentCapability, ref: DeploymentRef, companyJurisdiction: CountryCode): { operator: Fact<Party>; ultimateParent: Fact<Party> } {
  const parent = entry.parent.value;
  if (parent.kind === "company") {
    const company: Fact<Party> = { value: { kind: "company", name: parent.name, jurisdiction: parent.jurisdiction }, source: entry.parent.source, note: entry.parent.note };
    return { operator: company, ultimateParent: company };
  }
  if (parent.kind === "customer") {
    const customer: Fact<Party> = { value: { kind: "customer", jurisdiction: companyJurisdiction }, source: "customer-declared" };
    return { operator: customer, ultimateParent: customer };
  }
  if (ref.operator === undefined) {
    return {
      operator: { value: { kind: "undeclared", role: parent.role }, source: "not-recorded", note: `${parent.role} not declared` },
      ultimateParent: { value: { kind: "undeclared", role: `ultimate parent of the ${parent.role}` }, source: "not-recorded", note: `${parent.role} not declared` },
    };
  }
  const { name, jurisdiction, ultimateParent } = ref.operator;
  return {
    operator: { value: { kind: "company", name, jurisdiction }, source: "customer-declared" },
    ultimateParent:
      ultimateParent === undefined
        ? { value: { kind: "undeclared", role: `ultimate parent of ${name}` }, source: "not-recorded", note: "ultimate parent not declared" }
        : { value: { kind: "company", name: ultimateParent.name, jurisdiction: ultimateParent.jurisdiction }, source: "customer-declared" },
  };
}

/** The deployment's declared sub-processor list, else the catalogue's fact (unknown or not applicable). */
function resolveSubProcessors(entry: DeploymentCapability, ref: DeploymentRef): Fact<ResolvedSubProcessors> {
  if (entry.subProcessors.value.kind === "not-applicable") return { value: { kind: "not-applicable" }, source: entry.subProcessors.source, note: entry.subProcessors.note };
  if (ref.subProcessors === undefined) return { value: { kind: "undeclared" }, source: entry.subProcessors.source, note: entry.subProcessors.note };
  return { value: { kind: "listed", companies: ref.subProcessors }, source: "customer-declared" };
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

/** A readable list of resolved places. */
export function describePlaces(places: ResolvedPlaces): string {
  if (places.kind === "global") return "anywhere (no regional guarantee)";
  if (places.kind === "unknown") return "an unrecorded location";
  return places.places.join(", ");
}
