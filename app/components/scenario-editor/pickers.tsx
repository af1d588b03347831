import { useContext } from "react";
import { applyCatalogueEntry, applyDeployment, getPickedEntry, listDeployments, type CatalogueBinding, type LeafKind } from "~/catalogue/bindings.ts";
import { OptionContext, useEditor } from "./context.tsx";
import { SelectField } from "./fields.tsx";
import { getAtPath, getFieldId } from "~/scenarios/paths.ts";
import { Citations } from "~/components/citations.tsx";
import { citeEntrySources } from "~/reports/sources.ts";

/**
 * Catalogue pickers inside an option: choosing an entry fills its fields (money converted at the
 * scenario's exchange rate) and shows the entry's source, date and confidence beside the picker.
 */
export function CataloguePicker({ binding }: { binding: CatalogueBinding }) {
  const scope = useContext(OptionContext);
  const { update, perUsd, catalogue } = useEditor();
  if (scope === null) return null;
  const { option, path } = scope;
  if (binding.applies !== undefined && !binding.applies(option)) return null;
  const idPath = [...path, ...binding.idField.split(".")];
  const entry = getPickedEntry(option, binding, catalogue);
  return (
    <div className="editor-picker">
      <SelectField
        path={idPath}
        label={`${binding.label} from catalogue`}
        hint="Picking fills the fields below with the catalogue's values; change any of them to override it."
        optional="— none: my own values —"
        choices={catalogue.groups[binding.kind].map((candidate) => ({ value: candidate.id, label: candidate.organisation === null ? candidate.label : `${candidate.label} (organisation)` }))}
        onSelect={(id) => update(path, applyCatalogueEntry(option, binding, id ?? null, perUsd, catalogue))}
      />
      {entry !== null ? (
        <p className="editor-source" id={`${getFieldId(idPath)}-source`}>
          {entry.organisation === null ? "Source" : "Organisation's entry"}: <Citations citations={citeEntrySources(entry.sources)} />; figures as of {entry.asOf} · confidence {entry.confidence}
          {entry.note ? ` · ${entry.note}` : ""}
        </p>
      ) : null}
    </div>
  );
}

/** The compliance-catalogue deployment picker, filtered to the deployments an option of this kind can use. */
export function DeploymentPicker({ kind }: { kind: LeafKind }) {
  const scope = useContext(OptionContext);
  const { update } = useEditor();
  if (scope === null) return null;
  const deploymentPath = [...scope.path, "deployment"];
  const deployments = listDeployments(kind);
  const current = getAtPath(scope.option, ["deployment", "catalogId"]);
  const entry = deployments.find((candidate) => candidate.id === current);
  return (
    <div className="editor-picker">
      <SelectField
        path={[...deploymentPath, "catalogId"]}
        label="Deployment or region"
        hint="Where the option runs, from the compliance catalogue: verdicts, sovereignty and the residency premium follow from it."
        choices={deployments.map((candidate) => ({ value: candidate.id, label: candidate.label }))}
        onSelect={(id) => id !== undefined && update(deploymentPath, applyDeployment(scope.option.deployment, id))}
      />
      {entry !== undefined ? (
        <p className="editor-source">
          {entry.provider}, {entry.mode} ·{" "}
          {entry.processing.value.kind === "customer-chosen" ? "you choose the country" : entry.processing.value.kind === "fixed" ? `processing in ${entry.processing.value.places.join(", ")}` : `processing ${entry.processing.value.kind}`}
        </p>
      ) : null}
    </div>
  );
}
