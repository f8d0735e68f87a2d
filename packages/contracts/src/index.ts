export * from "./auth";
export * from "./catalog";
export * from "./errors";
export * from "./identifiers";
export * from "./keybridge";
export * from "./money";
