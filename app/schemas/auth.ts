import { z } from "zod";

/** OWASP ASVS 2.1.1 asks for at least 12 characters; 128 caps argon2 work on hostile input. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export const EmailSchema = z
  .string({ error: "Email: required" })
  .trim()
  .min(1, "Email: required")
  .max(254, "Email: at most 254 characters")
  .pipe(z.email({ error: "Email: must be a valid address" }))
  .transform((email) => email.toLowerCase());

export const PasswordSchema = z
  .string({ error: "Password: required" })
  .min(PASSWORD_MIN_LENGTH, `Password: at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `Password: at most ${PASSWORD_MAX_LENGTH} characters`);

export const LoginSchema = z.object({
  email: EmailSchema,
  // No length rule on login: a wrong password is simply wrong, whatever its length.
  password: z.string({ error: "Password: required" }).min(1, "Password: required").max(PASSWORD_MAX_LENGTH, `Password: at most ${PASSWORD_MAX_LENGTH} characters`),
});
export type Login = z.infer<typeof LoginSchema>;

/** The part of a sign-up that creates the account (shared with accepting an invitation). */
export const AccountSchema = z.object({
  email: EmailSchema,
  password: PasswordSchema,
});
export type Account = z.infer<typeof AccountSchema>;

/** Ending one of your own sessions on the account page: its id is the hex SHA-256 of its token. */
export const EndSessionSchema = z.object({
  intent: z.literal("end", { error: "Intent: must be end or end-others" }),
  sessionId: z.string({ error: "Session: required" }).regex(/^[0-9a-f]{64}$/, "Session: unknown"),
});
