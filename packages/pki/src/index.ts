export * from "./challenge";
