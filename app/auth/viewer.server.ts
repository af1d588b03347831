/**
 * Who is looking at a public page (/catalog, /methodology): nobody, or a signed-in user with the
 * organisations to go back to. Public pages stay public; this only changes their header.
 */
import { listOrganizationsForUser } from "~/models/organization.server.ts";
import { getSession } from "./session.server.ts";

export type Viewer = { email: string; organizations: { name: string; slug: string }[] } | null;

export async function getViewer(request: Request): Promise<Viewer> {
  const session = await getSession(request);
  if (!session) return null;
  const organizations = await listOrganizationsForUser({ userId: session.user.id });
  return { email: session.user.email, organizations: organizations.map(({ name, slug }) => ({ name, slug })) };
}
