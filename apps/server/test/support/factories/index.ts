/** Test factories: profiles and keys (nothing stored) and rows made through the domain services. */

export * from "./enterprise-information";
export * from "./files";
export * from "./interop";
export * from "./key-updates";
export * from "./keys";
export * from "./profiles";
export * from "./records";
export * from "./renewal-orders";
export * from "./renewals";
