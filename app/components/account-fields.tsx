import { useState } from "react";
import { PASSWORD_MIN_LENGTH } from "~/schemas/auth.ts";
import { suggestSlug } from "~/utils/slug.ts";
import { TextField } from "./text-field.tsx";

const SLUG_HINT = "Used in links: /o/your-slug. 3–40 lowercase letters, digits and hyphens.";

type SlugFieldProps = { defaultValue?: string; error?: string; note?: string };

/** The organisation URL (slug) field of settings; `note` adds to the hint. */
export function SlugField({ defaultValue, error, note }: SlugFieldProps) {
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

type NewOrganizationFieldsProps = {
  defaultName?: string;
  defaultSlug?: string;
  errors: { orgName?: string; slug?: string };
  autoFocus?: boolean;
};

/**
 * Name and URL of a new organisation (sign-up, new organisation): the URL follows the name as it is
 * typed until the user edits the URL itself; emptying the URL lets it follow again. Without
 * JavaScript both are plain fields.
 */
export function NewOrganizationFields({ defaultName = "", defaultSlug = "", errors, autoFocus }: NewOrganizationFieldsProps) {
  const [name, setName] = useState(defaultName);
  const [slug, setSlug] = useState(defaultSlug);
  // A URL the user typed (refilled after a refused submit) is theirs; one that matches the name follows it.
  const [slugEdited, setSlugEdited] = useState(defaultSlug !== "" && defaultSlug !== suggestSlug(defaultName));
  return (
    <>
      <TextField
        name="orgName"
        label="Organisation name"
        autoComplete="organization"
        required
        autoFocus={autoFocus}
        value={name}
        onChange={(event) => {
          setName(event.target.value);
          if (!slugEdited) setSlug(suggestSlug(event.target.value));
        }}
        error={errors.orgName}
      />
      <TextField
        name="slug"
        label="Organisation URL"
        required
        autoCapitalize="none"
        spellCheck={false}
        value={slug}
        onChange={(event) => {
          setSlug(event.target.value);
          setSlugEdited(event.target.value !== "");
        }}
        hint={SLUG_HINT}
        error={errors.slug}
      />
    </>
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
