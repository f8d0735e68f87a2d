import { isValidResidentId, normalizeMobile } from "@lnca/contracts";
import type { FormRule } from "antd";

export const mobileRules: FormRule[] = [
  { required: true, message: "请输入手机号" },
  {
    validator: (_, value: string | undefined) =>
      !value || normalizeMobile(value) ? Promise.resolve() : Promise.reject(new Error("请输入正确的 11 位手机号码")),
  },
];

export const smsCodeRules: FormRule[] = [
  { required: true, message: "请输入短信验证码" },
  { pattern: /^\d{4,8}$/, message: "短信验证码为 4–8 位数字" },
];

export const idNumberRules: FormRule[] = [
  { required: true, message: "请输入管理员身份证号" },
  {
    validator: (_, value: string | undefined) => {
      if (!value) return Promise.resolve();
      const id = value.trim().toUpperCase();
      if (id.length < 18) return Promise.reject(new Error(`身份证号应为 18 位，已输入 ${id.length} 位`));
      if (!isValidResidentId(id)) return Promise.reject(new Error("身份证号码不正确，请核对出生日期和校验位"));
      return Promise.resolve();
    },
  },
];

export const personNameRules: FormRule[] = [
  { required: true, message: "请输入管理员姓名" },
  { whitespace: true, message: "请输入管理员姓名" },
  { max: 50, message: "姓名不能超过 50 个字" },
];
