import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { FormError } from "~/components/form-error.tsx";
import { SelectField } from "~/components/select-field.tsx";
import { TextField } from "~/components/text-field.tsx";
import { requireMembership, throwNotFound } from "~/auth/membership.server.ts";
import { hasRole, listGrantableRoles, ROLE_LABELS, type Role } from "~/domain/roles.ts";
import { createInvitation, listPendingInvitations, revokeInvitation } from "~/models/invitation.server.ts";
import { deleteMember, listMembers, MembershipRuleError, updateMemberRole, type MemberRow } from "~/models/membership.server.ts";
import { ChangeRoleSchema, CreateInvitationSchema, RemoveMemberSchema, RevokeInvitationSchema } from "~/schemas/member.ts";
import { createFormFailure, readForm, validateForm, type FormFailure } from "~/utils/form.server.ts";

export { TenantRouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "Members · OpenTCO" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, role, membershipId } = await requireMembership(request, params.slug);
  const canManage = hasRole(role, "admin");
  const [members, invitations] = await Promise.all([listMembers({ orgId: org.id }), canManage ? listPendingInvitations({ orgId: org.id }) : Promise.resolve([])]);
  return { members, invitations, canManage, grantableRoles: listGrantableRoles(role), ownMembershipId: membershipId };
}

/**
 * A refused change (409) is a rule about the current members, which someone else may have changed
 * since the page loaded: reload them, so every row shows the real roles (Remix skips the reload after
 * a 4xx answer by default).
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) => actionStatus === 409 || defaultShouldRevalidate;

type Intent = "invite" | "change-role" | "remove" | "revoke";
type ActionResult = { intent: Intent | null; failure?: FormFailure; notice?: string; inviteLink?: string; expiresAt?: string; invitedEmail?: string };

function respond(result: ActionResult, status = 200) {
  return data(result, { status });
}

function fail(intent: Intent | null, failure: FormFailure, status: number) {
  return respond({ intent, failure }, status);
}

/** Everything here changes membership: admin or owner only; anyone else gets the tenant 404. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { org, role, user, membershipId: ownMembershipId } = await requireMembership(request, params.slug, "admin");
  const actor = { userId: user.id, role };
  const read = await readForm(request);
  if (!read.ok) return fail(null, read.failure, read.status);
  const rawIntent = read.form.get("intent");
  const intent = (["invite", "change-role", "remove", "revoke"] as const).find((i) => i === rawIntent) ?? null;
  try {
    switch (intent) {
      case "invite": {
        const parsed = validateForm(read.form, CreateInvitationSchema);
        if (!parsed.success) return fail(intent, parsed.failure, parsed.status);
        const { token, expiresAt } = await createInvitation({ orgId: org.id, actor, role: parsed.data.role, email: parsed.data.email });
        return respond({ intent, inviteLink: new URL(`/invite/${token}`, request.url).toString(), expiresAt, invitedEmail: parsed.data.email });
      }
      case "change-role": {
        const parsed = validateForm(read.form, ChangeRoleSchema);
        if (!parsed.success) return fail(intent, parsed.failure, parsed.status);
        const updated = await updateMemberRole({ orgId: org.id, actor, ...parsed.data });
        if (!updated) throwNotFound();
        return respond({ intent, notice: `${updated.email} is now ${ROLE_LABELS[updated.role].toLowerCase()}.` });
      }
      case "remove": {
        const parsed = validateForm(read.form, RemoveMemberSchema);
        if (!parsed.success) return fail(intent, parsed.failure, parsed.status);
        if (!(await deleteMember({ orgId: org.id, actor, membershipId: parsed.data.membershipId }))) throwNotFound();
        if (parsed.data.membershipId === ownMembershipId) throw redirect("/");
        return respond({ intent, notice: "Member removed." });
      }
      case "revoke": {
        const parsed = validateForm(read.form, RevokeInvitationSchema);
        if (!parsed.success) return fail(intent, parsed.failure, parsed.status);
        if (!(await revokeInvitation({ orgId: org.id, actor, invitationId: parsed.data.invitationId }))) throwNotFound();
        return respond({ intent, notice: "Invitation revoked." });
      }
      default:
        return fail(null, createFormFailure("Intent: must be one of invite, change-role, remove, revoke"), 400);
    }
  } catch (error) {
    if (error instanceof MembershipRuleError) {
      return fail(intent, intent === "invite" ? { fieldErrors: { role: error.message }, values: {} } : createFormFailure(error.message), 409);
    }
    throw error;
  }
}

function formatDate(iso: string): string {
  return iso.slice(0, 16).replace("T", " ") + " UTC";
}

export default function MembersPage() {
  const { members, invitations, canManage, grantableRoles, ownMembershipId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const roleOptions = grantableRoles.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
  // The table's forms have hidden fields only: a refused field (a missing member, role or invitation) is
  // said above the table, like a refusal of the whole form.
  const tableFailure = result?.intent !== "invite" ? result?.failure : undefined;
  const tableError = tableFailure ? (tableFailure.formError ?? (Object.values(tableFailure.fieldErrors).join(" ") || undefined)) : undefined;
  const ownerCount = members.filter((member) => member.role === "owner").length;
  return (
    <div className="stack">
      <h1>Members</h1>
      {result?.notice ? (
        <p className="notice" role="status">
          {result.notice}
        </p>
      ) : null}
      <FormError message={tableError} />
      <section className="card" aria-labelledby="members-heading">
        <h2 id="members-heading">People with access</h2>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Joined</th>
                {canManage ? <th scope="col">Actions</th> : null}
              </tr>
            </thead>
            <tbody>
              {members.map((member) => {
                const isSelf = member.membershipId === ownMembershipId;
                return (
                  <tr key={member.membershipId}>
                    <td>
                      {member.email}
                      {isSelf ? <span className="muted"> (you)</span> : null}
                    </td>
                    <td>{ROLE_LABELS[member.role]}</td>
                    <td className="nowrap">{member.joinedAt.slice(0, 10)}</td>
                    {canManage ? (
                      <td className="member-actions-cell">
                        {isSelf && member.role === "owner" && ownerCount === 1 ? (
                          // The last owner can neither leave nor step down: the model would refuse it (409).
                          <span className="muted">Sole owner: make someone else an owner first</span>
                        ) : grantableRoles.includes(member.role) ? (
                          <MemberActions member={member} roleOptions={roleOptions} result={result} busy={busy} />
                        ) : (
                          <span className="muted">Only an owner can change an owner</span>
                        )}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      {canManage ? <InviteSection roleOptions={roleOptions} result={result} busy={busy} /> : null}
      {canManage ? (
        <section className="card" aria-labelledby="pending-heading">
          <h2 id="pending-heading">Pending invitations</h2>
          {invitations.length === 0 ? (
            <p className="muted">No pending invitations.</p>
          ) : (
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">For</th>
                    <th scope="col">Role</th>
                    <th scope="col">Created by</th>
                    <th scope="col">Expires</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {invitations.map((invitation) => (
                    <tr key={invitation.id}>
                      <td>{invitation.email ?? <span className="muted">no email given</span>}</td>
                      <td>{ROLE_LABELS[invitation.role as Role]}</td>
                      <td>{invitation.createdByEmail ?? "—"}</td>
                      <td className="nowrap">{invitation.expired ? <span className="field-error">Expired {formatDate(invitation.expiresAt)}</span> : formatDate(invitation.expiresAt)}</td>
                      <td>
                        {grantableRoles.includes(invitation.role as Role) ? (
                          <Form method="post" className="inline-form">
                            <input type="hidden" name="intent" value="revoke" />
                            <input type="hidden" name="invitationId" value={invitation.id} />
                            <button type="submit" className="secondary" disabled={busy} aria-label={`Revoke the invitation${invitation.email ? ` for ${invitation.email}` : ""}`}>
                              Revoke
                            </button>
                          </Form>
                        ) : (
                          // The model would refuse it (409): only an owner revokes an owner invitation.
                          <span className="muted">An owner can revoke it</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
    </div>
  );
}

/**
 * Role change and removal of one member. The role picker shows the member's real role again after
 * every answer (a refused change included); Remove asks for confirmation in place, without JavaScript.
 */
function MemberActions({ member, roleOptions, result, busy }: { member: MemberRow; roleOptions: { value: string; label: string }[]; result: ActionResult | undefined; busy: boolean }) {
  const [role, setRole] = useState<string>(member.role);
  useEffect(() => setRole(member.role), [member.role, result]);
  return (
    <div className="row member-actions">
      <Form method="post" className="inline-form">
        <input type="hidden" name="intent" value="change-role" />
        <input type="hidden" name="membershipId" value={member.membershipId} />
        <label className="visually-hidden" htmlFor={`access-${member.membershipId}`}>
          Change access for {member.email}
        </label>
        <select id={`access-${member.membershipId}`} name="role" value={role} onChange={(event) => setRole(event.target.value)}>
          {roleOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <button type="submit" className="secondary" disabled={busy}>
          Save
        </button>
      </Form>
      <details className="confirm-remove">
        <summary aria-label={`Remove ${member.email}…`}>Remove…</summary>
        <Form method="post" className="confirm-remove__panel">
          <input type="hidden" name="intent" value="remove" />
          <input type="hidden" name="membershipId" value={member.membershipId} />
          <p>
            Remove <strong>{member.email}</strong> from this organisation? They lose access at once.
          </p>
          <button type="submit" className="danger" disabled={busy}>
            Remove {member.email}
          </button>
        </Form>
      </details>
    </div>
  );
}

function InviteSection({ roleOptions, result, busy }: { roleOptions: { value: string; label: string }[]; result: ActionResult | undefined; busy: boolean }) {
  const inviteResult = result?.intent === "invite" ? result : undefined;
  return (
    <section className="card" aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite someone</h2>
      <p className="muted">
        Creates a single-use link valid for 7 days. Send it to the person yourself; it is shown only once.
      </p>
      <Form method="post" className="form-narrow" noValidate>
        <input type="hidden" name="intent" value="invite" />
        <FormError message={inviteResult?.failure?.formError} />
        <TextField
          name="email"
          label="Email (optional)"
          type="email"
          autoComplete="off"
          hint="Whom the link is for: shown in the pending list and the audit trail, and filled in on the invitation page."
          defaultValue={inviteResult?.failure?.values.email}
          error={inviteResult?.failure?.fieldErrors.email}
        />
        <SelectField name="role" label="Role" options={roleOptions} defaultValue="viewer" error={inviteResult?.failure?.fieldErrors.role} />
        <button type="submit" disabled={busy}>
          Create invitation
        </button>
      </Form>
      {inviteResult?.inviteLink ? (
        <div className="stack" role="status">
          <p className="notice">
            Invitation created{inviteResult.invitedEmail ? ` for ${inviteResult.invitedEmail}` : ""}. Copy this link now; it expires{" "}
            {inviteResult.expiresAt ? formatDate(inviteResult.expiresAt) : "in 7 days"}.
          </p>
          <code className="invite-link" data-testid="invite-link">
            {inviteResult.inviteLink}
          </code>
          <CopyButton text={inviteResult.inviteLink} />
        </div>
      ) : null}
    </section>
  );
}

/** Copies with the Clipboard API once hydrated; without JavaScript the link above is selectable text. */
function CopyButton({ text }: { text: string }) {
  return (
    <button type="button" className="secondary" onClick={() => void navigator.clipboard?.writeText(text)}>
      Copy link
    </button>
  );
}
