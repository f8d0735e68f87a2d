import type { CertificateProfile, KeyAlgorithm } from "@lnca/pki";

/**
 * The demo enterprise of the guide's figures: 演示测试企业 (沈阳市和平区) with its main key, two project leads
 * (刘, 徐) and a cost engineer. Their certificates expire within 30 days and are associated with the platforms
 * of figures 3–5, so the renewal journey reproduces the guide's prices (300 + 400 = 700; 550 + 100 = 650).
 * The administrator and 刘 are already bound; 徐 and the cost engineer bind on their first CA login. The
 * administrator's personal information is complete (已完善); 刘's lacks e-mail and scans (未完善).
 */
export const DEMO_PIN = "111111";
export const DEMO_ENTERPRISE = { name: "演示测试企业", uscc: "91210102MA0Y8D0Q2J", city: "沈阳市" } as const;

export interface DemoKey {
  keyId: string;
  label: string;
  algorithm: KeyAlgorithm;
  profile: CertificateProfile;
  platformCodes: string[];
  /**
   * Already bound to this person's account (else the key binds on first login); with an e-mail, their
   * personal information is complete (both ID-card scans uploaded: 已完善).
   */
  boundTo?: { mobile: string; name: string; idNumber: string; email?: string };
}

const enterprise = { enterpriseName: DEMO_ENTERPRISE.name, uscc: DEMO_ENTERPRISE.uscc };

export const demoKeys: DemoKey[] = [
  {
    keyId: "LNCA-DEMO-0001",
    label: "演示测试企业 · 单位(机构)主锁",
    algorithm: "EC-P256",
    profile: {
      holderKind: "organization",
      categoryCode: "unit_main",
      holderName: DEMO_ENTERPRISE.name,
      city: DEMO_ENTERPRISE.city,
      ...enterprise,
    },
    platformCodes: ["ln-jsgc", "ln-ztbjg", "ln-zfcg", "ln-ggzy", "sy-ggzy", "dl-ggzy", "as-ggzy"],
    boundTo: { mobile: "13800000001", name: "王演示", idNumber: "210102198001011232", email: "wang.demo@example.com" },
  },
  {
    keyId: "LNCA-DEMO-0002",
    label: "刘洋 · 项目负责人锁",
    algorithm: "EC-P256",
    profile: {
      holderKind: "personal",
      categoryCode: "project_lead",
      holderName: "刘洋",
      idNumber: "210102198503152342",
      ...enterprise,
    },
    platformCodes: ["ln-jsgc", "ln-ztbjg", "ln-zfcg", "sy-ggzy", "dl-ggzy", "as-ggzy", "jz-ggzy", "cy-ggzy", "hc-dzcg"],
    boundTo: { mobile: "13800000002", name: "刘洋", idNumber: "210102198503152342" },
  },
  {
    keyId: "LNCA-DEMO-0003",
    label: "徐静 · 项目负责人锁",
    algorithm: "RSA-2048",
    profile: {
      holderKind: "personal",
      categoryCode: "project_lead",
      holderName: "徐静",
      idNumber: "210103198806203457",
      ...enterprise,
    },
    platformCodes: ["ln-jsgc", "ln-ztbjg", "ln-zfcg", "sy-ggzy", "dl-ggzy", "as-ggzy"],
  },
  {
    keyId: "LNCA-DEMO-0004",
    label: "文华 · 造价师锁",
    algorithm: "EC-P256",
    profile: {
      holderKind: "personal",
      categoryCode: "cost_engineer",
      holderName: "文华",
      idNumber: "210106199008084565",
      ...enterprise,
    },
    platformCodes: ["ln-jsgc"],
  },
];

export const DEMO_STAFF = [
  { username: "operator", displayName: "演示运营", role: "operator", password: "Lnca@2026" },
  { username: "reviewer", displayName: "演示审核员", role: "reviewer", password: "Lnca@2026" },
] as const;
