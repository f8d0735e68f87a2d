import "./zod-locale";

export * from "./auth";
export * from "./catalog";
export * from "./config";
export * from "./console";
export * from "./enterprise-info";
export * from "./enterprise-review";
export * from "./errors";
export * from "./identifiers";
export * from "./identities";
export * from "./interop";
export * from "./invoices";
export * from "./keybridge";
export * from "./mail";
export * from "./money";
export * from "./profile";
export * from "./renewals";
export * from "./resources";
