import { EditOutlined } from "@ant-design/icons";
import { Button, Col, Descriptions, Form, Input, Row } from "antd";
import { TITLE_FIELDS, TITLE_LABELS, titleFieldRules } from "./invoiceForm";

const MAX_LENGTHS = { title: 100, taxpayerNumber: 20, address: 200, phone: 30, bank: 100, bankAccount: 40 };

/**
 * 发票抬头 (guide 图 5): the prefilled details read as text until 【编辑发票抬头信息】 opens them for editing. The
 * fields stay in the form either way, so they are checked before paying even while shown as text.
 */
export function InvoiceTitleFields({ editing, onEdit }: { editing: boolean; onEdit: () => void }) {
  const form = Form.useFormInstance();
  const values = Form.useWatch([], form) as Record<string, string | undefined> | undefined;
  return (
    <>
      {!editing && (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          title="发票抬头"
          extra={
            <Button type="link" icon={<EditOutlined />} onClick={onEdit}>
              编辑发票抬头信息
            </Button>
          }
          items={TITLE_FIELDS.map((field) => ({
            key: field,
            label: TITLE_LABELS[field],
            children: values?.[field]?.trim() || "未填写",
          }))}
        />
      )}
      <Row gutter={24} hidden={!editing}>
        {TITLE_FIELDS.map((field) => (
          <Col xs={24} md={12} key={field}>
            <Form.Item
              name={field}
              label={TITLE_LABELS[field]}
              rules={titleFieldRules(field)}
              dependencies={["kind", "titleType"]}
              hidden={!editing}
            >
              <Input maxLength={MAX_LENGTHS[field]} autoComplete="off" />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </>
  );
}
