import { type EnterpriseInformation, enterpriseInfoChecks } from "@lnca/contracts";
import { Button, Col, Form, type FormInstance, Input, Row, Space } from "antd";
import { AttachmentUpload } from "./AttachmentUpload";
import { attachmentLabel } from "./attachmentFormat";
import { checkedRules } from "./formRules";
import type { InvoicingFormValues } from "./invoicingForm";

interface InvoicingStepProps {
  form: FormInstance<InvoicingFormValues>;
  information: EnterpriseInformation;
  initialValues: Partial<InvoicingFormValues>;
  saving: boolean;
  onBack: () => void;
  onNext: (values: InvoicingFormValues) => void;
}

const titleRules = checkedRules("请输入单位名称", enterpriseInfoChecks.enterpriseName);
const taxpayerRules = checkedRules("请输入纳税人识别号", enterpriseInfoChecks.taxpayerId);
const addressRules = checkedRules("请输入地址", enterpriseInfoChecks.address);
const phoneRules = checkedRules("请输入电话", enterpriseInfoChecks.phone);
const bankNameRules = checkedRules("请输入开户行", enterpriseInfoChecks.bankName);
const bankAccountRules = checkedRules("请输入开户行账号", enterpriseInfoChecks.bankAccount);

/** Step 2, 开票信息 (guide §三 图 4). */
export function InvoicingStep({ form, information, initialValues, saving, onBack, onNext }: InvoicingStepProps) {
  return (
    <Form<InvoicingFormValues>
      form={form}
      name="invoicing"
      layout="vertical"
      initialValues={initialValues}
      onFinish={onNext}
      scrollToFirstError
    >
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <Form.Item name="title" label="单位名称" rules={titleRules} validateFirst>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="taxpayerId" label="纳税人识别号" rules={taxpayerRules} validateFirst>
            <Input maxLength={20} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="address" label="地址" rules={addressRules} validateFirst>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="phone" label="电话" rules={phoneRules} validateFirst>
            <Input maxLength={30} inputMode="tel" placeholder="如 024-12345678" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="bankName" label="开户行" rules={bankNameRules} validateFirst>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="bankAccount" label="开户行账号" rules={bankAccountRules} validateFirst>
            <Input maxLength={40} inputMode="numeric" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            name="bankAccountLicence"
            label={attachmentLabel("bankAccountLicence")}
            rules={[{ required: true, message: "请上传该附件" }]}
          >
            <AttachmentUpload
              enterpriseId={information.enterprise.id}
              kind="bankAccountLicence"
              revisionId={information.latest?.id ?? null}
            />
          </Form.Item>
        </Col>
      </Row>
      <Space>
        <Button onClick={onBack}>上一步</Button>
        <Button type="primary" htmlType="submit" loading={saving}>
          下一步
        </Button>
      </Space>
    </Form>
  );
}
