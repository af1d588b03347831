// Runs in each test worker before the test file is imported, so app/db.server.ts sees the test database.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
