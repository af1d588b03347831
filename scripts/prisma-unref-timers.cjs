/**
 * Preload for the Prisma CLI (`node -r ./scripts/prisma-unref-timers.cjs node_modules/prisma/build/index.js …`).
 * Prisma 6.19's Wasm schema engine leaves a 10-second timer pending after its work is done, so every
 * migrate command would exit ~10 s late. Long timers must not keep the process alive; short ones
 * (Prisma's own I/O) still do.
 */
const LONG_TIMER_MS = 10_000;
const originalSetTimeout = globalThis.setTimeout;

globalThis.setTimeout = function setTimeoutUnrefLong(callback, delay, ...args) {
  const timer = originalSetTimeout(callback, delay, ...args);
  if (typeof delay === "number" && delay >= LONG_TIMER_MS && typeof timer?.unref === "function") timer.unref();
  return timer;
};
