/** Organisation roles, weakest first. Shared by server checks and the UI (which hides what a role cannot use). */
export const ROLES = ["viewer", "editor", "admin", "owner"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  viewer: "Viewer",
  editor: "Editor",
  admin: "Admin",
  owner: "Owner",
};

/** True when `role` is at least `minimum` in the order viewer < editor < admin < owner. */
export function hasRole(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}

/** Roles that `actor` may grant: only an owner hands out (or takes away) the owner role. */
export function listGrantableRoles(actor: Role): Role[] {
  if (actor === "owner") return [...ROLES];
  if (actor === "admin") return ["viewer", "editor", "admin"];
  return [];
}
