import type { Company } from "./deployment-capabilities.ts";
import type { CountryCode } from "./jurisdictions.ts";
import type { Party, ResolvedDeployment } from "./resolve.ts";
import type { ExposureParams } from "./reasons.ts";
import type { SourceId } from "./sources.ts";

/**
 * Control, not address: who can be compelled to hand over a deployment's data. The chain is the
 * operator, the ultimate parent that controls it, and the sub-processors that handle the data for
 * it. A government's access law reaches a company under its jurisdiction and, through it, what its
 * subsidiaries hold — so an EU subsidiary of a US parent is exposed to the US CLOUD Act, and so is
 * an EU provider whose sub-processor is a US company. What is not declared cannot be judged: it is
 * listed as such, for the callers to treat as a condition (never a pass) or a capped level.
 */

export type ControlRole = "operator" | "ultimate parent" | "sub-processor";

/** A declared company in the chain, with the role it holds and the source of that fact. */
export interface ControlParty {
  role: ControlRole;
  company: Company;
  source: SourceId;
}

/** A link of the chain that is not declared, with the source that says so. */
export interface UndeclaredLink {
  role: "operator" | "ultimate parent" | "sub-processors";
  /** What to declare, e.g. "the GPU cloud provider and its jurisdiction". */
  declare: string;
  source: SourceId;
  note?: string;
}

/** The third parties that control or handle a deployment's data (the customer itself is never one). */
export interface ControlChain {
  /** The operator's name as the reasons show it, e.g. "Example GPU GmbH (DE)". */
  operatorText: string;
  parties: ControlParty[];
  undeclared: UndeclaredLink[];
}

/** An access law a party of the chain is subject to. */
export interface AccessLawExposure {
  party: ControlParty;
  law: { name: string; source: SourceId };
}

function describeCompany(company: Company): string {
  return `${company.name} (${company.jurisdiction})`;
}

function isSameCompany(a: Company, b: Company): boolean {
  return a.name === b.name && a.jurisdiction === b.jurisdiction;
}

function toCompany(party: Party): Company | null {
  return party.kind === "company" ? { name: party.name, jurisdiction: party.jurisdiction } : null;
}

/**
 * The chain of a resolved deployment. A provider that is its own ultimate parent (every catalogued
 * provider is named by its parent) appears once, as the operator; a customer-run deployment has no
 * third party at all.
 */
export function listControlChain(deployment: ResolvedDeployment): ControlChain {
  const { operator, ultimateParent, subProcessors } = deployment;
  const parties: ControlParty[] = [];
  const undeclared: UndeclaredLink[] = [];
  const operatorCompany = toCompany(operator.value);
  if (operator.value.kind === "undeclared") {
    undeclared.push({ role: "operator", declare: `the ${operator.value.role} and its jurisdiction`, source: operator.source });
  } else if (operatorCompany !== null) {
    parties.push({ role: "operator", company: operatorCompany, source: operator.source });
  }
  const parentCompany = toCompany(ultimateParent.value);
  if (ultimateParent.value.kind === "undeclared" && operator.value.kind !== "undeclared") {
    undeclared.push({ role: "ultimate parent", declare: `the ${ultimateParent.value.role} and its jurisdiction (the operator itself if no one controls it)`, source: ultimateParent.source });
  } else if (parentCompany !== null && (operatorCompany === null || !isSameCompany(parentCompany, operatorCompany))) {
    parties.push({ role: "ultimate parent", company: parentCompany, source: ultimateParent.source });
  }
  const listed = subProcessors.value;
  if (listed.kind === "undeclared") {
    const whose = operatorCompany === null ? "the operator's" : `${describeCompany(operatorCompany)}'s`;
    undeclared.push({ role: "sub-processors", declare: `${whose} sub-processors that handle the data, with their jurisdictions`, source: subProcessors.source, note: subProcessors.note });
  } else if (listed.kind === "listed") {
    for (const company of listed.companies) parties.push({ role: "sub-processor", company, source: subProcessors.source });
  }
  const operatorText =
    operatorCompany !== null ? describeCompany(operatorCompany) : operator.value.kind === "undeclared" ? `the ${operator.value.role}` : "you";
  return { operatorText, parties, undeclared };
}

/**
 * The parties of the chain subject to an access law, as `findLaw` decides for a jurisdiction
 * (foreign to the customer for a requirement, non-EU for the sovereignty framework).
 */
export function findAccessLawExposures(
  chain: ControlChain,
  findLaw: (jurisdiction: CountryCode) => { name: string; source: SourceId } | null,
): AccessLawExposure[] {
  return chain.parties.flatMap((party) => {
    const law = findLaw(party.company.jurisdiction);
    return law === null ? [] : [{ party, law }];
  });
}

/**
 * The exposure as the parameters of a clause naming who is subject to which law and how it is linked
 * to the operator (describeExposureText, reasons.ts), e.g. "Example GPU GmbH (DE) is controlled by its
 * ultimate parent Example Corp (US), which is subject to the US CLOUD Act (2018)".
 */
export function describeExposure(exposure: AccessLawExposure, chain: ControlChain): ExposureParams {
  return { role: exposure.party.role, party: describeCompany(exposure.party.company), law: exposure.law.name, operator: chain.operatorText };
}
