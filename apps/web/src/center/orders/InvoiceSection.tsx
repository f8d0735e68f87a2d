import { Form, Input, Radio, Typography } from "antd";
import { InvoiceTitleFields } from "./InvoiceTitleFields";
import { emailRules, titleTypeRules } from "./invoiceForm";

interface InvoiceSectionProps {
  /** The kind already requested for this order: shown, not changeable. */
  lockedKind: "e_normal" | "paper_special" | null;
  editingTitle: boolean;
  onEditTitle: () => void;
}

/** 开具发票, 发票类型, 抬头类型, 发票抬头 and 接收邮箱 (guide 图 5). */
export function InvoiceSection({ lockedKind, editingTitle, onEditTitle }: InvoiceSectionProps) {
  const wantInvoice = Form.useWatch("wantInvoice");
  return (
    <>
      <Form.Item name="wantInvoice" label="开具发票">
        <Radio.Group
          options={[
            { value: "yes", label: "开具" },
            { value: "no", label: "不开具" },
          ]}
        />
      </Form.Item>
      {wantInvoice === "yes" && (
        <>
          <Form.Item
            name="kind"
            label="发票类型"
            extra={lockedKind ? "本订单已申请发票，发票类型不可更改" : "发票类型选择后不可更改"}
          >
            <Radio.Group
              disabled={lockedKind !== null}
              options={[
                { value: "e_normal", label: "电子普票" },
                { value: "paper_special", label: "纸质专票" },
              ]}
            />
          </Form.Item>
          <Form.Item name="titleType" label="抬头类型" rules={titleTypeRules} dependencies={["kind"]}>
            <Radio.Group
              options={[
                { value: "enterprise", label: "企业发票" },
                { value: "personal", label: "个人发票" },
              ]}
            />
          </Form.Item>
          <InvoiceTitleFields editing={editingTitle} onEdit={onEditTitle} />
          <Form.Item
            name="email"
            label="接收邮箱"
            rules={emailRules}
            extra={<Typography.Text type="secondary">电子发票开具后发送至此邮箱</Typography.Text>}
          >
            <Input type="email" maxLength={254} autoComplete="email" placeholder="name@example.com" />
          </Form.Item>
        </>
      )}
    </>
  );
}
