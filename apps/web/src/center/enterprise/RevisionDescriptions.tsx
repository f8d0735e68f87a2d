import { ENTITY_TYPE_NAMES, type EnterpriseRevision, formatYuan, LEGAL_ID_TYPE_NAMES } from "@lnca/contracts";
import { Descriptions } from "antd";
import { AttachmentsDescriptions } from "./AttachmentsDescriptions";

interface RevisionDescriptionsProps {
  enterpriseId: string;
  revision: EnterpriseRevision;
  /** The confirmation before 【提交审核】 shows the ID number as entered; the overview shows it masked. */
  fullIdNumber?: boolean;
}

const NOT_FILLED = "未填写";

/** A revision's three steps as read-only lists: 单位基本信息, 开票信息, and the attachments. */
export function RevisionDescriptions({ enterpriseId, revision, fullIdNumber = false }: RevisionDescriptionsProps) {
  const { basic, invoicing } = revision;
  const companyAddress = basic?.companyRegionNames
    ? `${basic.companyRegionNames.join(" / ")} ${basic.companyAddress ?? ""}`.trim()
    : (basic?.companyAddress ?? NOT_FILLED);
  return (
    <>
      <Descriptions
        title="单位基本信息"
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        className="section-gap"
        items={
          basic
            ? [
                { key: "name", label: "单位名称", children: basic.name },
                { key: "address", label: "住所", children: basic.address },
                { key: "uscc", label: "统一社会信用代码", children: basic.uscc },
                { key: "legalRepresentative", label: "法定代表人", children: basic.legalRepresentative },
                { key: "capital", label: "注册资本", children: `${formatYuan(basic.registeredCapitalFen)} 元` },
                { key: "registeredRegion", label: "企业注册地", children: basic.registeredRegionNames.join(" / ") },
                { key: "companyAddress", label: "公司地址", children: companyAddress || NOT_FILLED },
                { key: "legalIdType", label: "法人证件类型", children: LEGAL_ID_TYPE_NAMES[basic.legalIdType] },
                {
                  key: "legalIdNumber",
                  label: basic.legalIdType === "id_card" ? "法定代表人身份证号" : "法定代表人证件号码",
                  children:
                    (fullIdNumber && basic.legalRepresentativeIdNumber) || basic.legalRepresentativeIdNumberMasked,
                },
                { key: "mobile", label: "法定代表人手机号", children: basic.legalRepresentativeMobile },
                {
                  key: "entityTypes",
                  label: "主体类型",
                  children: basic.entityTypes.map((t) => ENTITY_TYPE_NAMES[t]).join("、"),
                },
                { key: "servicePoint", label: "办理点", children: basic.servicePointName ?? basic.servicePointCode },
              ]
            : [{ key: "none", label: "单位基本信息", children: NOT_FILLED }]
        }
      />
      <Descriptions
        title="开票信息"
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        className="section-gap"
        items={
          invoicing
            ? [
                { key: "title", label: "单位名称", children: invoicing.title },
                { key: "taxpayerId", label: "纳税人识别号", children: invoicing.taxpayerId },
                { key: "address", label: "地址", children: invoicing.address },
                { key: "phone", label: "电话", children: invoicing.phone },
                { key: "bankName", label: "开户行", children: invoicing.bankName },
                { key: "bankAccount", label: "开户行账号", children: invoicing.bankAccount },
              ]
            : [{ key: "none", label: "开票信息", children: NOT_FILLED }]
        }
      />
      <AttachmentsDescriptions enterpriseId={enterpriseId} revision={revision} />
    </>
  );
}
