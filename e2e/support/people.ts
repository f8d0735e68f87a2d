import { residentId, uscc } from "../../apps/server/test/support/identifiers";

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

/**
 * An enterprise from the old platform (网联老平台): its project lead's key was issued there, so the platform
 * learns of it only from the 证书名录 the operator imports.
 */
export const oldPlatform = {
  enterprise: { name: "大连港湾路桥工程有限公司", uscc: uscc("91210200MA0E2E002") },
  holder: { name: "李春阳", mobile: "13912340011", idNumber: residentId("21020219870912331") },
} as const;

/** A project lead whose unbound key two people try to bind at once; the holder himself wins. */
export const contested = {
  holder: { name: "周明远", mobile: "13912340012", idNumber: residentId("21010519880305113") },
  /** The second person, at another browser, with the same key's binding form open. */
  other: { name: "冯立伟", mobile: "13912340013" },
} as const;

/**
 * An enterprise whose administrator bound its first main key earlier (provisioned bound; that key is not in
 * this PC). Its second main key is inserted, and another person tries to become administrator with it.
 */
export const adminTaken = {
  enterprise: { name: "鞍山钢联建设有限公司", uscc: uscc("91210300MA0E2E003") },
  admin: { name: "吴国庆", mobile: "13912340014", idNumber: residentId("21030219750418221") },
  challenger: { name: "郑海燕", mobile: "13912340015", idNumber: residentId("21030319800723242") },
} as const;

/**
 * The SoftHSM2 tokens: the USB keys inserted in the user's PC, each with one certificate. A PKCS#11 token
 * label is at most 32 bytes (a Chinese character takes 3).
 */
export const tokens = {
  main: { label: "浑南智造 · 单位主锁", certId: "a1" },
  personal: { label: "钱卫东 · 项目负责人锁", certId: "b1" },
  registry: { label: "李春阳 · 老平台锁", certId: "c1" },
  contested: { label: "周明远 · 项目负责人锁", certId: "d1" },
  secondMain: { label: "鞍山钢联 · 主锁二", certId: "e1" },
} as const;

export type TokenName = keyof typeof tokens;

/** How many certificates the 【CA 登录】 tab lists while the keybridge serves these tokens. */
export const insertedCertificates = Object.keys(tokens).length;

export const platformCodes = ["ln-jsgc", "ln-zfcg", "sy-ggzy"];

/** J2: the demo's cost engineer (文华, personal key, unbound in the demo seed) applies to be a project lead there. */
export const demoApplicant = { name: "文华", mobile: "13912340021" } as const;

/**
 * J6: 刘洋 (project lead of the demo enterprise, bound in the demo seed) updates his key on a SoftHSM2 token of
 * its own, onto which the global setup moves his demo key (the demo administrator pays with the demo keys).
 */
export const liuYangKey = { demoKeyId: "LNCA-DEMO-0002", label: "刘洋 · 项目负责人锁", certId: "f1" } as const;
