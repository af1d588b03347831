/**
 * A refusal a page answers without JavaScript is shown on that page (issue 13, fuzz finding): a
 * signed-in visitor of an invitation sees no email or password field, so their refusal heads the page.
 */
import { describe, expect, it } from "vitest";
import { createSession } from "~/auth/session.server.ts";
import { createInvitation } from "~/models/invitation.server.ts";
import { createTestOrganization, createTestUser } from "../factories/index.ts";
import { send } from "./harness.ts";

describe("an invitation posted without the join intent by a signed-in visitor", () => {
  it("answers 400 with the refusal heading the page", async () => {
    const org = await createTestOrganization();
    const { token } = await createInvitation({ orgId: org.id, actor: { userId: org.owner.id, role: "owner" }, role: "viewer" });
    const visitor = await createTestUser("visitor");
    const cookie = (await createSession(visitor.id)).split(";")[0] ?? "";
    const answer = await send({ method: "POST", url: `/invite/${token}`, headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" }, body: "", clientAddress: "198.51.100.21" });
    expect(answer.status).toBe(400);
    expect(answer.text).toMatch(/<p class="form-error" role="alert">Email: [^<]+<\/p>/);
  });
});
