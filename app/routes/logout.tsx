import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { getClearedSessionCookie, getSession } from "~/auth/session.server.ts";
import { revokeSession } from "~/models/session.server.ts";
import { recordLogout } from "~/models/user.server.ts";
import { assertSameOrigin } from "~/utils/form.server.ts";
import { answerUnavailableDatabase } from "~/auth/database-down.server.ts";

/** GET /logout does nothing: logging out is a POST, so a link or an image cannot log anyone out. */
export async function loader() {
  throw redirect("/");
}

export const action = /* @__PURE__ */ answerUnavailableDatabase(async ({ request }: ActionFunctionArgs) => {
  // The form has no fields to read; only a foreign Origin is refused.
  assertSameOrigin(request);
  const session = await getSession(request);
  if (session) {
    await revokeSession(session.id);
    await recordLogout({ userId: session.user.id, email: session.user.email });
  }
  return redirect("/login", { headers: { "Set-Cookie": getClearedSessionCookie() } });
});
