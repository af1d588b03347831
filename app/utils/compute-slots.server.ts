/**
 * Writes that compute a scenario (save, restore, recompute, create, copy) spend 0.1–0.5 s of CPU on
 * the request thread, then commit in a short transaction. Fifty at once on one process made each
 * transaction wait behind the others' computations: Prisma gives up on a transaction it cannot start
 * within 2 s or finish within 5 s (P2028), and the saves failed with 500 (bench action-save, ADR 018).
 * So a process runs them one at a time (COMPUTE_SLOTS); the rest wait their turn, first come first
 * served. The thread computes one at a time anyway: throughput stays, and no save's transaction
 * waits for another save's computation. Past MAX_WAITING in line, a write is refused with 503 and
 * Retry-After rather than left waiting without end.
 */
import { SAVES_BUSY_MESSAGE, serverBusy } from "./server-busy.server.ts";

/**
 * One: with two, the second write's computation ran while the first waited for its transaction to
 * start, which on a busy machine (load average 16 on two cores) still exceeded Prisma's 2 s.
 */
const COMPUTE_SLOTS = 1;
const MAX_WAITING = 200;

export interface ComputeSlots {
  /** Runs `work` once a slot is free; throws a 503 Response when too many are already waiting. */
  run<T>(work: () => Promise<T>): Promise<T>;
}

export function createComputeSlots({ slots, maxWaiting }: { slots: number; maxWaiting: number }): ComputeSlots {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return {
    async run(work) {
      if (running < slots) running++;
      else if (waiting.length >= maxWaiting) {
        throw serverBusy(SAVES_BUSY_MESSAGE);
      } else {
        // The slot is handed over by release(): `running` stays as it is.
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
      try {
        return await work();
      } finally {
        release();
      }
    },
  };
}

/** This process's slots for computing writes. */
export const computeSlots = createComputeSlots({ slots: COMPUTE_SLOTS, maxWaiting: MAX_WAITING });
