import { PASSWORD_MIN_LENGTH } from "~/schemas/auth.ts";
import { TextField } from "./text-field.tsx";

const SLUG_HINT = "Used in links: /o/your-slug. 3–40 lowercase letters, digits and hyphens.";

/** The organisation URL (slug) field of sign-up, new organisation and settings; `note` adds to the hint. */
export function SlugField({ defaultValue, error, note }: { defaultValue?: string; error?: string; note?: string }) {
  return (
    <TextField
      name="slug"
      label="Organisation URL"
      required
      autoCapitalize="none"
      spellCheck={false}
      defaultValue={defaultValue}
      hint={note ? `${SLUG_HINT} ${note}` : SLUG_HINT}
      error={error}
    />
  );
}

/** A new account's password field, with the rule the schema enforces as its hint. */
export function NewPasswordField({ error }: { error?: string }) {
  return (
    <TextField
      name="password"
      label="Password"
      type="password"
      autoComplete="new-password"
      required
      minLength={PASSWORD_MIN_LENGTH}
      hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
      error={error}
    />
  );
}
