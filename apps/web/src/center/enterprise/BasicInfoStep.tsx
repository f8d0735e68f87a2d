import {
  type EnterpriseInformation,
  enterpriseInfoChecks,
  errorCatalog,
  LEGAL_ID_TYPE_NAMES,
  legalIdTypeSchema,
} from "@lnca/contracts";
import { Button, Col, Form, type FormInstance, Input, InputNumber, Radio, Row, Select } from "antd";
import { useServicePoints } from "../../api/catalog";
import { AttachmentUpload } from "./AttachmentUpload";
import { attachmentLabel } from "./attachmentFormat";
import { type BasicFormValues, basicFormValues } from "./basicForm";
import { EntityTypesField } from "./EntityTypesField";
import { checkedRules } from "./formRules";
import { RegionCascader } from "./RegionCascader";
import { yuanToFen } from "./yuan";

const capitalRules = [
  { required: true, message: "请输入注册资本" },
  {
    validator: (_: unknown, value: string | null | undefined) => {
      if (!value) return Promise.resolve();
      const fen = yuanToFen(value);
      const problem =
        fen === null ? errorCatalog.REGISTERED_CAPITAL_INVALID.message : enterpriseInfoChecks.registeredCapitalFen(fen);
      return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
    },
  },
];

const ATTACHMENTS = ["legalRepresentativeIdBack", "legalRepresentativeIdFront", "businessLicence"] as const;

interface BasicInfoStepProps {
  form: FormInstance<BasicFormValues>;
  information: EnterpriseInformation;
  saving: boolean;
  onNext: (values: BasicFormValues) => void;
}

/** Step 1, 单位基本信息 (guide §三 图 2): every field checked as typed, the three attachments uploaded at once. */
export function BasicInfoStep({ form, information, saving, onNext }: BasicInfoStepProps) {
  const servicePoints = useServicePoints();
  const legalIdType = Form.useWatch("legalIdType", form);
  const idLabel = legalIdType === "other" ? "法定代表人证件号码" : "法定代表人身份证号";
  const enterpriseId = information.enterprise.id;
  return (
    <Form<BasicFormValues>
      form={form}
      name="basic"
      layout="vertical"
      initialValues={basicFormValues(information)}
      onFinish={onNext}
      scrollToFirstError
    >
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <Form.Item
            name="name"
            label="单位名称"
            rules={checkedRules("请输入单位名称", enterpriseInfoChecks.enterpriseName)}
            validateFirst
          >
            <Input maxLength={100} placeholder="请输入营业执照上的单位名称" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="address"
            label="住所"
            rules={checkedRules("请输入住所", enterpriseInfoChecks.address)}
            validateFirst
          >
            <Input maxLength={200} placeholder="请输入营业执照上的住所" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="uscc" label="统一社会信用代码" required extra="本单位的统一社会信用代码，不可修改">
            <Input readOnly />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="legalRepresentative"
            label="法定代表人"
            rules={checkedRules("请输入法定代表人", enterpriseInfoChecks.personName)}
            validateFirst
          >
            <Input maxLength={30} placeholder="请输入法定代表人姓名" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="registeredCapitalFen" label="注册资本（元）" rules={capitalRules} validateFirst>
            <InputNumber<string>
              stringMode
              min="0"
              precision={2}
              controls={false}
              style={{ width: "100%" }}
              placeholder="如 5000000.00"
              suffix="元"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="registeredRegion"
            label="企业注册地"
            rules={[{ required: true, message: "请选择企业注册地" }]}
          >
            <RegionCascader />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="legalRepresentativeIdNumber"
            label={idLabel}
            dependencies={["legalIdType"]}
            validateFirst
            rules={[
              { required: true, whitespace: true, message: `请输入${idLabel}` },
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) => {
                  const problem = value?.trim()
                    ? enterpriseInfoChecks.legalIdNumber(value, getFieldValue("legalIdType"))
                    : null;
                  return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
                },
              }),
            ]}
          >
            <Input maxLength={40} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="legalRepresentativeMobile"
            label="法定代表人手机号"
            rules={checkedRules("请输入法定代表人手机号", enterpriseInfoChecks.mobile)}
            validateFirst
          >
            <Input maxLength={20} inputMode="tel" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="公司地址" htmlFor="basic_companyRegion">
            <Row gutter={8}>
              <Col xs={24} sm={12}>
                <Form.Item name="companyRegion" noStyle>
                  <RegionCascader />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="companyAddress" noStyle>
                  <Input maxLength={200} placeholder="详细地址" aria-label="公司详细地址" />
                </Form.Item>
              </Col>
            </Row>
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="entityTypes"
            label="主体类型"
            rules={[{ required: true, type: "array", min: 1, message: errorCatalog.ENTITY_TYPES_REQUIRED.message }]}
          >
            <EntityTypesField />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="legalIdType"
            label="法人证件类型"
            rules={[{ required: true, message: "请选择法人证件类型" }]}
          >
            <Radio.Group
              options={legalIdTypeSchema.options.map((t) => ({ value: t, label: LEGAL_ID_TYPE_NAMES[t] }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="servicePointCode" label="办理点" rules={[{ required: true, message: "请选择办理点" }]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={servicePoints.isPending}
              options={servicePoints.data?.map((p) => ({ value: p.code, label: p.name }))}
              notFoundContent={servicePoints.isError ? "办理点加载失败，请刷新重试" : "暂无办理点"}
            />
          </Form.Item>
        </Col>
        {ATTACHMENTS.map((kind) => (
          <Col xs={24} key={kind}>
            <Form.Item name={kind} label={attachmentLabel(kind)} rules={[{ required: true, message: "请上传该附件" }]}>
              <AttachmentUpload enterpriseId={enterpriseId} kind={kind} revisionId={information.latest?.id ?? null} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Button type="primary" htmlType="submit" loading={saving}>
        下一步
      </Button>
    </Form>
  );
}
