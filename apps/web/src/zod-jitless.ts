import { config } from "zod";

// zod probes for eval (`Function("")`) to compile its parsers; the CSP forbids eval, and the probe alone
// would report a violation on every page. Imported first in main.tsx, before any schema runs.
config({ jitless: true });
