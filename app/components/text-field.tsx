import type { InputHTMLAttributes } from "react";
import { FieldFrame } from "./field-frame.tsx";

type TextFieldProps = {
  name: string;
  label: string;
  error?: string;
  hint?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id">;

/** A labelled input whose error sits beside it and is announced with it. */
export function TextField({ name, label, error, hint, ...inputProps }: TextFieldProps) {
  return (
    <FieldFrame id={`field-${name}`} label={label} error={error} hint={hint}>
      {(control) => <input {...control} name={name} {...inputProps} />}
    </FieldFrame>
  );
}
