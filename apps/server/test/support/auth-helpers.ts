/**
 * Kept for tests written before the split; new tests import from the modules themselves: the HTTP client
 * (api-client), identifiers, factories and journeys.
 */
export * from "./api-client";
export * from "./factories";
export * from "./identifiers";
export * from "./journeys";
