/**
 * The reasoning lines of a sovereignty assessment (sovereignty.ts), each a code, its parameters and
 * the English text of its template (app/engine/messages.ts). `places` is a list of places as
 * describePlaces words it, a party ("Mistral AI (FR)", "you (DE)") as describeParty words it, and
 * `exposures` the foreign access laws the control chain is exposed to, as reasons.ts words them.
 */
import { createMessage, type MessageOf, type MessageParams, type NoParams, type ParamsOf } from "../messages.ts";
import type { CapabilityValue } from "./deployment-capabilities.ts";

/** A capability value in words for the reasoning, e.g. "not yet confirmed by you". */
const CAPABILITY_WORDS: Record<CapabilityValue, string> = {
  yes: "in place",
  no: "not offered",
  "on-request": "on request",
  "to-confirm": "not yet confirmed by you",
  unknown: "not recorded",
  "not-applicable": "not applicable",
};

/** Why the data's control is in doubt: the exposures, or the undeclared link of the chain ("" when none is). */
const describeDoubt = ({ exposures, undeclared }: { exposures: string; undeclared: string }) => (undeclared === "" ? exposures : `its ${undeclared} is not declared`);

type Places = { places: string };
type Doubt = { exposures: string; undeclared: string };

export const SOVEREIGNTY_TEXTS = {
  // SOV-1 Strategic
  "strategic-own-eea": ({ owner }: { owner: string }) => `owned and controlled by ${owner}, in the EU/EEA`,
  "strategic-outside-eea": ({ owner }: { owner: string }) => `strategic control rests with ${owner}, outside the EU/EEA`,
  "strategic-parent-undeclared": ({ operator }: { operator: string }) => `operated by ${operator} under EU/EEA law, but its ultimate parent is not declared: capped at 1 until it is`,
  "strategic-control-undeclared": ({ owner }: { owner: string }) => `who controls the service is not declared: ${owner}`,
  "strategic-eea-control": ({ owner }: { owner: string }) => `controlled by ${owner}, headquartered in the EU/EEA`,
  "strategic-non-eu-parent": ({ operator, owner }: { operator: string; owner: string }) =>
    `${operator} is established in the EU/EEA but controlled by its ultimate parent ${owner}: EU law on paper, non-EU control (capped at 1)`,
  // SOV-2 Legal & jurisdictional
  "legal-operator-undeclared": (_: NoParams) => "operator not declared: its jurisdiction is unknown",
  "legal-exposed-own-hardware": ({ exposures }: { exposures: string }) => `your hardware and keys in the EU/EEA; ${exposures}, but the operator only has physical access`,
  "legal-exposed-in-eea": ({ places, exposures }: Places & { exposures: string }) => `processing in ${places} under EU law on paper, but ${exposures}: capped at 1`,
  "legal-exposed": ({ places, exposures }: Places & { exposures: string }) => `${exposures}, and processing in ${places} is not limited to the EU/EEA`,
  "legal-eea-operator": ({ operator, places }: Places & { operator: string }) => `operated by ${operator} under EU/EEA law, processing in ${places}`,
  "legal-eea-operator-elsewhere": ({ operator, places }: Places & { operator: string }) => `EU/EEA operator ${operator}, but processing in ${places}`,
  "legal-non-eu-operator": ({ operator, places }: Places & { operator: string }) =>
    `operator ${operator} is outside the EU/EEA; no foreign access law recorded for it; processing in ${places}`,
  "legal-capped-undeclared": ({ cap, role }: { cap: number; role: string }) =>
    `capped at ${cap}: the ${role} ${role === "sub-processors" ? "are" : "is"} not declared, so exposure to a foreign access law cannot be excluded`,
  // SOV-3 Data & AI
  "data-outside-eea": ({ places }: Places) => `processing in ${places}: not limited to the EU/EEA`,
  "data-in-doubt-with-keys": ({ places, ...doubt }: Places & Doubt) => `processing in ${places} with customer-managed keys, but ${describeDoubt(doubt)}`,
  "data-in-doubt": ({ places, keys, ...doubt }: Places & Doubt & { keys: CapabilityValue }) =>
    `processing in ${places}, but ${describeDoubt(doubt)}, and customer-managed keys are ${CAPABILITY_WORDS[keys]}`,
  "data-own-hardware": ({ places }: Places) => `processing in ${places} on hardware you own, with your keys and the open-weight model you run`,
  "data-keys-eea-operator": ({ places }: Places) => `processing in ${places} with customer-managed keys under an EU/EEA operator`,
  "data-eea-operator": ({ places, keys }: Places & { keys: CapabilityValue }) => `processing in ${places} under an EU/EEA operator; customer-managed keys are ${CAPABILITY_WORDS[keys]}`,
  // SOV-4 Operational
  "operational-undeclared": (_: NoParams) => "operator not declared",
  "operational-self-eea": ({ operator }: { operator: string }) => `operated by ${operator} yourself in the EU/EEA`,
  "operational-eea": ({ operator }: { operator: string }) => `operated by ${operator}, in the EU/EEA`,
  "operational-non-eu-operator": ({ places, operator }: Places & { operator: string }) => `processing in ${places}, but operated by ${operator}`,
  "operational-outside": ({ places, operator }: Places & { operator: string }) => `operated by ${operator} and processing in ${places}`,
  // SOV-5 Supply chain
  "supply-own-hardware": ({ owner }: { owner: string }) => `hardware bought and held by ${owner}`,
  "supply-eea-operator": ({ operator }: { operator: string }) => `EU/EEA operator ${operator} on hardware and software supplied from outside the EU`,
  "supply-chain": ({ operator }: { operator: string }) => `the supply chain runs through ${operator}`,
  "supply-accelerators": (_: NoParams) => "AI accelerators (NVIDIA, AMD) are designed by US companies: a material non-EU dependence caps this objective at 2",
  // SOV-6 Technology
  "technology-api-eea": ({ owner }: { owner: string }) => `a proprietary API service of ${owner}: the model and serving stack cannot be moved`,
  "technology-api": ({ owner }: { owner: string }) => `a proprietary API service of ${owner}, outside the EU/EEA`,
  "technology-own-open-weight": (_: NoParams) => "open-weight model and serving stack you can move to other hardware; the accelerator software stack is non-EU",
  "technology-rented-open-weight": (_: NoParams) => "open-weight model you can move, on rented infrastructure with provider lock-in",
  // SOV-7 Security & compliance
  "security-controls": ({ audit, keys }: { audit: CapabilityValue; keys: CapabilityValue }) => `audit rights ${CAPABILITY_WORDS[audit]}, customer-managed keys ${CAPABILITY_WORDS[keys]}`,
  "security-places": ({ places }: Places) => `processing in ${places}`,
  "security-capped": ({ operator }: { operator: string }) => `capped at 1: the security operation rests with ${operator}, outside the EU/EEA or undeclared`,
  // SOV-8 Environmental
  "environmental-unrecorded": (_: NoParams) => "no environmental disclosure (PUE, energy mix, water) is recorded in the catalogue; override with your evidence",
};

export type SovereigntyNoteCode = keyof typeof SOVEREIGNTY_TEXTS;
/** One reasoning line: code, parameters, English text. */
export type SovereigntyNote = MessageOf<typeof SOVEREIGNTY_TEXTS>;

export function createNote<Code extends SovereigntyNoteCode>(code: Code, params: ParamsOf<typeof SOVEREIGNTY_TEXTS, Code>): SovereigntyNote {
  return createMessage(SOVEREIGNTY_TEXTS, code, params) as SovereigntyNote;
}

/** The English text of a reasoning line from its code and parameters. */
export function describeSovereigntyNote({ code, params }: Pick<SovereigntyNote, "code" | "params">): string {
  return (SOVEREIGNTY_TEXTS[code] as (params: MessageParams) => string)(params);
}
