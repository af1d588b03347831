/**
 * The tenancy gate (docs/decisions/003-tenancy.md): every /o/<slug>/… loader and action starts here,
 * and the orgId it returns is the only one models ever see.
 */
import { data } from "@remix-run/node";
import { hasRole, type Role } from "~/domain/roles.ts";
import { getMembershipBySlug, type OrganizationSummary } from "~/models/organization.server.ts";
import type { AuthSession, SessionUser } from "~/models/session.server.ts";
import { requireSession } from "./session.server.ts";

export type MembershipContext = { user: SessionUser; org: OrganizationSummary; role: Role; membershipId: string; session: AuthSession };

/** The 404 of every tenant route: the same for "no such organisation", "not a member" and "role too low". */
export function throwNotFound(): never {
  throw data(null, { status: 404, statusText: "Not Found" });
}

/**
 * Logged-in user's membership of the organisation `slug` with at least `minimumRole`.
 * Not logged in → redirect to /login. Not a member, or role too low → 404, so a URL never reveals
 * whether an organisation exists or what it contains.
 */
export async function requireMembership(request: Request, slug: string | undefined, minimumRole: Role = "viewer"): Promise<MembershipContext> {
  const session = await requireSession(request);
  // Not even shaped like a slug (a NUL byte, a long string): nothing to look up.
  if (!slug || !/^[a-z0-9-]{1,40}$/.test(slug)) throwNotFound();
  const membership = await getMembershipBySlug({ userId: session.user.id, slug });
  if (!membership || !hasRole(membership.role, minimumRole)) throwNotFound();
  return { user: session.user, org: membership.org, role: membership.role, membershipId: membership.membershipId, session };
}
