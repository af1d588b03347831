/**
 * The demo account `npm start` seeds, documented in the README: a fixed, public demo password — never
 * reuse it for a real account. Apart from the seed so that tools which only need the login
 * (benchmarks) do not load the database client.
 */
export const DEMO_LOGIN = { email: "demo@opentco.local", password: "opentco-demo-2026", orgSlug: "demo", orgName: "Demo Corp" } as const;
