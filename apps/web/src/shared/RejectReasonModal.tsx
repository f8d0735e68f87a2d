import { Form, Input, Modal } from "antd";

/** A rejection always says why: the person reads the reason in the SMS (驳回原因, required). */
export function RejectReasonModal({
  open,
  title,
  pending,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  title: string;
  pending: boolean;
  onCancel: () => void;
  onSubmit: (reason: string) => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      title={title}
      open={open}
      okText="确认驳回"
      okButtonProps={{ danger: true, loading: pending }}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={({ reason }) => onSubmit(reason.trim())}>
        <Form.Item
          name="reason"
          label="驳回原因"
          rules={[
            { required: true, whitespace: true, message: "请填写驳回原因" },
            { min: 2, message: "驳回原因至少 2 个字" },
          ]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount placeholder="将以短信告知申请人" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
