import type { SelectHTMLAttributes } from "react";
import { FieldFrame } from "./field-frame.tsx";

type SelectFieldProps = {
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
  error?: string;
  hint?: string;
  /** Distinguishes several selects with the same name on one page (one per table row). */
  idSuffix?: string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id">;

export function SelectField({ name, label, options, error, hint, idSuffix, ...selectProps }: SelectFieldProps) {
  return (
    <FieldFrame id={`field-${name}${idSuffix ? `-${idSuffix}` : ""}`} label={label} error={error} hint={hint}>
      {(control) => (
        <select {...control} name={name} {...selectProps}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
