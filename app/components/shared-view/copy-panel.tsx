import { Form, useNavigation } from "@remix-run/react";

export interface CopyPanelProps {
  orgName: string;
  /** Null when nobody is signed in; else the organisations the reader may copy into. */
  targets: { name: string; slug: string }[] | null;
  /** Where log-in should bring the reader back: this page. */
  loginHref: string;
  formError?: string;
}

/**
 * "Use these figures yourself": a signed-in editor of another organisation copies the shown revision
 * there. Quiet by design: prospects without an account see one sentence.
 */
export function CopyPanel({ orgName, targets, loginHref, formError }: CopyPanelProps) {
  const busy = useNavigation().state === "submitting";
  return (
    <section className="shared-copy" aria-labelledby="shared-copy-heading">
      <h2 id="shared-copy-heading">Work with these figures</h2>
      {targets === null ? (
        <p className="muted">
          Have an OpenTCO account? <a href={loginHref}>Log in</a> to copy this scenario into your organisation and change it there.
        </p>
      ) : targets.length === 0 ? (
        <p className="muted">To copy this scenario you need the editor role in an organisation of your own other than {orgName}.</p>
      ) : (
        <Form method="post" className="shared-copy__form">
          <input type="hidden" name="intent" value="copy" />
          <label htmlFor="copy-target">Copy into</label>
          <select id="copy-target" name="targetSlug" defaultValue={targets[0]?.slug}>
            {targets.map((target) => (
              <option key={target.slug} value={target.slug}>
                {target.name}
              </option>
            ))}
          </select>
          <button type="submit" disabled={busy}>
            {busy ? "Copying…" : "Copy scenario"}
          </button>
        </Form>
      )}
      {formError ? (
        <p className="form-error" role="alert">
          {formError}
        </p>
      ) : null}
      {targets && targets.length > 0 ? <p className="muted shared-copy__note">The copy records where it came from: {orgName}, the revision and its fingerprint.</p> : null}
    </section>
  );
}
