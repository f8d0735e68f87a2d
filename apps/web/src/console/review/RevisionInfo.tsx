import {
  type BasicInfoView,
  ENTITY_TYPE_NAMES,
  formatYuan,
  type InvoicingInfo,
  LEGAL_ID_TYPE_NAMES,
} from "@lnca/contracts";
import { Descriptions, Typography } from "antd";

const NOT_FILLED = "未填写";

/** As licences print it: whole 万元 when it is one (500 万元), else yuan to the fen. */
function formatCapital(fen: number): string {
  return fen % 1_000_000 === 0 ? `${fen / 1_000_000} 万元` : `${formatYuan(fen)} 元`;
}

function NotFilled() {
  return <Typography.Text type="secondary">{NOT_FILLED}</Typography.Text>;
}

/** 单位基本信息 as submitted: every field of the guide's figure 2, names instead of codes; the ID number in full. */
export function BasicInfoDescriptions({ basic }: { basic: BasicInfoView | null }) {
  if (!basic) return <NotFilled />;
  const companyAddress = [...(basic.companyRegionNames ?? []), basic.companyAddress ?? ""].filter(Boolean).join(" ");
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="basic-info">
      <Descriptions.Item label="单位名称">{basic.name}</Descriptions.Item>
      <Descriptions.Item label="统一社会信用代码">{basic.uscc}</Descriptions.Item>
      <Descriptions.Item label="住所" span={2}>
        {basic.address}
      </Descriptions.Item>
      <Descriptions.Item label="法定代表人">{basic.legalRepresentative}</Descriptions.Item>
      <Descriptions.Item label="注册资本">{formatCapital(basic.registeredCapitalFen)}</Descriptions.Item>
      <Descriptions.Item label="企业注册地">
        {basic.registeredRegionNames.join(" / ") || <NotFilled />}
      </Descriptions.Item>
      <Descriptions.Item label="公司地址">{companyAddress || <NotFilled />}</Descriptions.Item>
      <Descriptions.Item label="法人证件类型">{LEGAL_ID_TYPE_NAMES[basic.legalIdType]}</Descriptions.Item>
      <Descriptions.Item label={basic.legalIdType === "id_card" ? "法定代表人身份证号" : "法定代表人证件号码"}>
        {basic.legalRepresentativeIdNumber ?? basic.legalRepresentativeIdNumberMasked}
      </Descriptions.Item>
      <Descriptions.Item label="法定代表人手机号">{basic.legalRepresentativeMobile}</Descriptions.Item>
      <Descriptions.Item label="主体类型">
        {basic.entityTypes.map((type) => ENTITY_TYPE_NAMES[type]).join("、")}
      </Descriptions.Item>
      <Descriptions.Item label="办理点" span={2}>
        {basic.servicePointName ?? basic.servicePointCode}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** 开票信息 (step 2). */
export function InvoicingDescriptions({ invoicing }: { invoicing: InvoicingInfo | null }) {
  if (!invoicing) return <NotFilled />;
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="invoicing-info">
      <Descriptions.Item label="单位名称">{invoicing.title}</Descriptions.Item>
      <Descriptions.Item label="纳税人识别号">{invoicing.taxpayerId}</Descriptions.Item>
      <Descriptions.Item label="地址">{invoicing.address}</Descriptions.Item>
      <Descriptions.Item label="电话">{invoicing.phone}</Descriptions.Item>
      <Descriptions.Item label="开户行">{invoicing.bankName}</Descriptions.Item>
      <Descriptions.Item label="开户行账号">{invoicing.bankAccount}</Descriptions.Item>
    </Descriptions>
  );
}
