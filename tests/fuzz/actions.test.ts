/**
 * Issue 13: fast-check drives 10,000 malformed requests at every form action (tests/fuzz/targets.ts),
 * through the production build's request handler against the real database, as the owner, an
 * editor, a viewer, a member of another organisation, a revoked session and nobody. No answer may
 * be a 5xx, carry a stack trace, show NaN or Infinity the request did not contain, or refuse without
 * a message (tests/fuzz/checks.ts); afterwards no scenario they saved holds or shows a NaN.
 */
import { fuzzTargets } from "./run.ts";
import { ACTION_TARGETS } from "./targets.ts";

fuzzTargets("malformed requests to the form actions", ACTION_TARGETS, { savesScenarios: true });
