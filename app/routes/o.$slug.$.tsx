import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { requireMembership, throwNotFound } from "~/auth/membership.server.ts";

/**
 * Any unknown address under /o/<slug>/: a 404 rendered inside the organisation's layout (top bar and
 * way back included) for its members. Without this route Remix answers from the root boundary, outside
 * the layout, and the browser's hydration of that page fails. Strangers get the usual 404 (ADR 003):
 * the membership check comes first.
 */

export const meta: MetaFunction = () => [{ title: "Not found · OpenTCO" }];

export async function loader({ request, params }: LoaderFunctionArgs): Promise<never> {
  await requireMembership(request, params.slug);
  throwNotFound();
}

// Any method: without an action, Remix logs a 405 error for a POST to an unknown address.
export async function action({ request, params }: ActionFunctionArgs): Promise<never> {
  await requireMembership(request, params.slug);
  throwNotFound();
}

// Never rendered (the loader always throws); a page route is what lets the boundary render in the layout.
export default function OrganizationPathNotFound() {
  return null;
}

export { TenantRouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary.tsx";
