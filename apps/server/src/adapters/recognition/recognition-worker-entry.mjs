// The recognition process does not inherit the TypeScript loader the server runs under: this entry registers tsx,
// then loads the recognition worker itself.
import { register } from "tsx/esm/api";

register();
await import("./recognition-worker.ts");
