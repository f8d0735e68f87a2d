import type { BasicInfo, InvoicingInfo } from "@lnca/contracts";
import { DEMO_ENTERPRISE } from "./demo-people";

/**
 * The demo's enterprise information, one per state a newcomer should see: 演示测试企业 审核通过 (renewals can
 * start at once), one 待审核 in the reviewers' queue, one 审核不通过 with the reviewer's opinion. Each licence
 * picture was generated from these fields by @lnca/licence-corpus (`npm run demo:licences`) and is kept in
 * ./assets, so the demo starts without the corpus fonts.
 */
export interface DemoEnterpriseInformation {
  slug: string;
  basic: BasicInfo;
  invoicing: InvoicingInfo;
  /** As the licence prints them (the comparison dialog reads the picture). */
  licence: { registeredCapital: string; companyType: string; establishedOn: string; seed: number };
  /** Null for 演示测试企业, whose administrator is 王演示 (bound with the main key). */
  admin: { name: string; mobile: string; idNumber: string } | null;
  decision: { approve: true } | { approve: false; opinion: string } | null;
}

const shenyangHeping = ["21", "2101", "210102"];

const invoicing = (name: string, uscc: string, address: string, phone: string, account: string): InvoicingInfo => ({
  title: name,
  taxpayerId: uscc,
  address,
  phone,
  bankName: "中国工商银行沈阳和平支行",
  bankAccount: account,
});

export const demoEnterpriseInformation: DemoEnterpriseInformation[] = [
  {
    slug: "demo-enterprise",
    basic: {
      name: DEMO_ENTERPRISE.name,
      address: "辽宁省沈阳市和平区南京北街100号",
      uscc: DEMO_ENTERPRISE.uscc,
      legalRepresentative: "王演示",
      registeredCapitalFen: 500_000_000,
      registeredRegion: shenyangHeping,
      companyRegion: shenyangHeping,
      companyAddress: "南京北街100号",
      legalIdType: "id_card",
      legalRepresentativeIdNumber: "210102198001011232",
      legalRepresentativeMobile: "13800000001",
      entityTypes: ["tenderer", "bidder"],
      servicePointCode: "shenyang",
    },
    invoicing: invoicing(
      DEMO_ENTERPRISE.name,
      DEMO_ENTERPRISE.uscc,
      "辽宁省沈阳市和平区南京北街100号",
      "024-23456789",
      "3301000109200100001",
    ),
    licence: {
      registeredCapital: "伍佰万元整",
      companyType: "有限责任公司(自然人投资或控股)",
      establishedOn: "2015年03月18日",
      seed: 104,
    },
    admin: null,
    decision: { approve: true },
  },
  {
    slug: "pending-enterprise",
    basic: {
      name: "沈阳示范建筑工程有限公司",
      address: "辽宁省沈阳市沈河区青年大街200号",
      uscc: "91210103MA0Y5H3K72",
      legalRepresentative: "陈建平",
      // Entered as 1,000 万元 while the licence prints 壹仟贰佰万元整: the comparison shows one red row.
      registeredCapitalFen: 1_000_000_000,
      registeredRegion: ["21", "2101", "210103"],
      companyRegion: null,
      companyAddress: null,
      legalIdType: "id_card",
      legalRepresentativeIdNumber: "210103197506150010",
      legalRepresentativeMobile: "13800000011",
      entityTypes: ["bidder"],
      servicePointCode: "shenyang",
    },
    invoicing: invoicing(
      "沈阳示范建筑工程有限公司",
      "91210103MA0Y5H3K72",
      "辽宁省沈阳市沈河区青年大街200号",
      "024-22334455",
      "3301000109200100002",
    ),
    licence: {
      registeredCapital: "壹仟贰佰万元整",
      companyType: "有限责任公司(自然人投资或控股)",
      establishedOn: "2018年06月01日",
      seed: 102,
    },
    admin: { name: "陈建平", mobile: "13800000011", idNumber: "210103197506150010" },
    decision: null,
  },
  {
    slug: "rejected-enterprise",
    basic: {
      name: "大连示范监理咨询有限公司",
      address: "辽宁省大连市中山区人民路300号",
      uscc: "91210202MA0Y2D9L4E",
      legalRepresentative: "林晓峰",
      registeredCapitalFen: 300_000_000,
      registeredRegion: ["21", "2102", "210202"],
      companyRegion: ["21", "2102", "210202"],
      companyAddress: "人民路300号",
      legalIdType: "id_card",
      legalRepresentativeIdNumber: "210202198209090027",
      legalRepresentativeMobile: "13800000012",
      entityTypes: ["agency"],
      servicePointCode: "dalian",
    },
    invoicing: invoicing(
      "大连示范监理咨询有限公司",
      "91210202MA0Y2D9L4E",
      "辽宁省大连市中山区人民路300号",
      "0411-82345678",
      "3400200109200100003",
    ),
    licence: {
      registeredCapital: "叁佰万元整",
      companyType: "有限责任公司(自然人独资)",
      establishedOn: "2012年09月20日",
      seed: 103,
    },
    admin: { name: "林晓峰", mobile: "13800000012", idNumber: "210202198209090027" },
    decision: { approve: false, opinion: "电子签章印模采集表未加盖单位公章，请下载后加盖公章重新上传" },
  },
];
