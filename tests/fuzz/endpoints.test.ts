/**
 * Issue 13: fast-check drives 10,000 malformed requests at every endpoint that answers data rather
 * than a page — the resource routes (PDFs, /healthz, the JSON schema), the verify pages, the
 * comparison, Remix's manifest — with the same rules as the form actions (tests/fuzz/checks.ts).
 */
import { fuzzTargets } from "./run.ts";
import { ENDPOINT_TARGETS, MANIFEST_TARGET } from "./targets.ts";

fuzzTargets("malformed requests to the data endpoints", [...ENDPOINT_TARGETS, MANIFEST_TARGET], { savesScenarios: false });
