/**
 * The engine's messages (warnings, compliance reasons, the reasoning of SEAL levels) as people read them, rendered from their code
 * and parameters (ADR 017), so the web pages, the PDF and the CLI say the same and a later language
 * needs templates here, not changes in the engine. English is the engine's own wording. A result
 * stored before messages had codes and parameters carries only its text, which is shown as it is.
 */
import { describeReason, describeSovereigntyNote, describeWarning, type ComplianceReason, type MessageParams, type SovereigntyNote, type Warning } from "../engine/index.ts";

/** A message as a stored result may hold it: code and parameters since ADR 017, the text always. */
type Stored<M extends { code: string; params: MessageParams; message: string }> = Omit<M, "code" | "params"> & { code?: M["code"]; params?: M["params"] };

export function renderWarning(warning: Stored<Warning>): string {
  return warning.code === undefined || warning.params === undefined ? warning.message : describeWarning({ code: warning.code, params: warning.params } as Warning);
}

export function renderReason(reason: Stored<Pick<ComplianceReason, "code" | "params" | "part" | "message">>): string {
  return reason.code === undefined || reason.params === undefined ? reason.message : describeReason({ code: reason.code, params: reason.params, part: reason.part } as ComplianceReason);
}

/** The reasoning lines of a SEAL level, from their codes and parameters when the result has them. */
export function renderReasoning(objective: { reasoning: string[]; notes?: Pick<SovereigntyNote, "code" | "params">[] }): string[] {
  return objective.notes === undefined ? objective.reasoning : objective.notes.map((note) => describeSovereigntyNote(note as SovereigntyNote));
}
