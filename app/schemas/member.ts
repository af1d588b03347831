import { z } from "zod";
import { ROLES } from "~/domain/roles.ts";
import { EmailSchema } from "./auth.ts";

export const RoleSchema = z.enum(ROLES, { error: `Role: one of ${ROLES.join(", ")}` });

export const CreateInvitationSchema = z.object({
  role: RoleSchema,
  // Optional: an empty field means no email.
  email: z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), EmailSchema.optional()),
});

export const ChangeRoleSchema = z.object({
  membershipId: z.string({ error: "Member: required" }).min(1, "Member: required").max(64, "Member: unknown"),
  role: RoleSchema,
});

export const RemoveMemberSchema = z.object({
  membershipId: z.string({ error: "Member: required" }).min(1, "Member: required").max(64, "Member: unknown"),
});

export const RevokeInvitationSchema = z.object({
  invitationId: z.string({ error: "Invitation: required" }).min(1, "Invitation: required").max(64, "Invitation: unknown"),
});
