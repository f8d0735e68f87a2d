import { residentId, uscc } from "./identifiers";

/**
 * The people and the enterprise the browser tests use: new ones, not the demo seed's. Every run starts on a
 * fresh database, so fixed values are safe. Each person has their own mobile number, because the platform
 * sends at most one SMS per number per minute.
 */
export const PIN = "111111";

export const enterprise = {
  name: "沈阳浑南智造建设有限公司",
  uscc: uscc("91210112MA0E2E001"),
} as const;

/** The administrator who binds the enterprise's main key on its first CA login. */
export const admin = {
  name: "赵立新",
  mobile: "13912340001",
  idNumber: residentId("21010219820315041"),
} as const;

/** The project lead whose personal key binds his mobile on its first CA login. */
export const projectLead = {
  name: "钱卫东",
  mobile: "13912340002",
  idNumber: residentId("21010319850620123"),
} as const;

/** An authorised agent who bound a key earlier (provisioned bound) and logs in with mobile + SMS code. */
export const agent = {
  name: "孙晓梅",
  mobile: "13912340003",
  idNumber: residentId("21010419900101224"),
} as const;

/** The two SoftHSM2 tokens: two USB keys inserted in the user's PC. */
export const tokens = {
  main: { label: "浑南智造 · 单位主锁", certId: "a1" },
  personal: { label: "钱卫东 · 项目负责人锁", certId: "b1" },
} as const;

export const platformCodes = ["ln-jsgc", "ln-zfcg", "sy-ggzy"];
