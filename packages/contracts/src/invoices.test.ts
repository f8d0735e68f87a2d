import { describe, expect, it } from "vitest";
import { invoiceRequestInputSchema } from "./invoices";

const enterprise = {
  kind: "e_normal",
  titleType: "enterprise",
  title: "辽宁演示建设工程有限公司",
  taxpayerNumber: "91350100M000100Y43",
  email: "finance@example.com",
} as const;

/** The failing fields and their messages. */
function problems(input: unknown): Record<string, string> {
  const result = invoiceRequestInputSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("发票抬头 at 支付确认", () => {
  it("takes an enterprise 电子普票 with its taxpayer number and a receiving address", () => {
    expect(problems(enterprise)).toEqual({});
  });

  it("takes a personal 电子普票 without a taxpayer number", () => {
    expect(problems({ ...enterprise, titleType: "personal", title: "刘洋", taxpayerNumber: "" })).toEqual({});
  });

  it("needs the taxpayer number of an enterprise title, checked as a USCC", () => {
    expect(problems({ ...enterprise, taxpayerNumber: undefined })).toEqual({ taxpayerNumber: "请填写纳税人识别号" });
    expect(problems({ ...enterprise, taxpayerNumber: "91350100M000100Y44" })).toEqual({
      taxpayerNumber: "纳税人识别号不正确（应为 18 位统一社会信用代码）",
    });
  });

  it("needs address, phone, bank and account for a 专票, and an enterprise title", () => {
    expect(problems({ ...enterprise, kind: "paper_special" })).toEqual({
      address: "开具纸质专票须填写地址",
      phone: "开具纸质专票须填写电话",
      bank: "开具纸质专票须填写开户行",
      bankAccount: "开具纸质专票须填写开户行账号",
    });
    const special = {
      ...enterprise,
      kind: "paper_special",
      address: "沈阳市和平区南京北街 1 号",
      phone: "024-23456789",
      bank: "中国工商银行沈阳和平支行",
      bankAccount: "3301000109200123456",
    };
    expect(problems(special)).toEqual({});
    expect(problems({ ...special, titleType: "personal" })).toMatchObject({
      titleType: "纸质专票只能开具给企业，请选择企业发票",
    });
    expect(problems({ ...special, phone: "12345", bankAccount: "12-34" })).toEqual({
      phone: "电话应为带区号的固定电话（如 024-12345678）或手机号",
      bankAccount: "开户行账号应为 8 至 30 位数字",
    });
  });

  it("needs a valid receiving e-mail and a known kind, in zh-CN", () => {
    expect(problems({ ...enterprise, email: " " })).toEqual({ email: "请填写接收邮箱" });
    expect(problems({ ...enterprise, email: "not-an-address" })).toEqual({ email: "接收邮箱格式不正确" });
    expect(problems({ ...enterprise, kind: "paper" })).toEqual({ kind: "请选择发票类型（电子普票或纸质专票）" });
  });
});
