import { fileURLToPath } from "node:url";

/** The repository root, whatever the current directory of the script that imports this. */
export const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
