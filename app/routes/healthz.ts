import { pingDatabase } from "~/models/health.server.ts";
import { refuseWritingMethods } from "~/utils/resource-route.server.ts";

/** Liveness and database reachability for load balancers and `npm start` checks; never cached. */
export async function loader() {
  const dbUp = await pingDatabase();
  return new Response(JSON.stringify(dbUp ? { status: "ok", db: "ok" } : { status: "error", db: "down" }), {
    status: dbUp ? 200 : 503,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
  });
}

export const action = refuseWritingMethods;
