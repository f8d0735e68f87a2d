import { Form, Input, Modal } from "antd";

const MIN = 2;
const MAX = 500;

/** 审核不通过 always says why: the applicant reads the 处理意见 on the page and in the SMS (2–500 characters). */
export function RejectOpinionModal({
  open,
  pending,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  pending: boolean;
  onCancel: () => void;
  onSubmit: (opinion: string) => void;
}) {
  const [form] = Form.useForm<{ opinion: string }>();
  return (
    <Modal
      title="审核不通过"
      open={open}
      okText="确认不通过"
      cancelText="取消"
      okButtonProps={{ danger: true, loading: pending }}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={({ opinion }) => onSubmit(opinion.trim())}>
        <Form.Item
          name="opinion"
          label="处理意见"
          extra="请写明需要修改的内容，申请人将在页面和短信中看到。"
          validateFirst
          rules={[
            { required: true, whitespace: true, message: "请填写处理意见" },
            {
              validator: (_, value: string | undefined) => {
                const length = (value ?? "").trim().length;
                if (length < MIN) return Promise.reject(new Error(`处理意见至少 ${MIN} 个字`));
                if (length > MAX) return Promise.reject(new Error(`处理意见最多 ${MAX} 个字`));
                return Promise.resolve();
              },
            },
          ]}
        >
          <Input.TextArea rows={4} maxLength={MAX} showCount placeholder="例如：营业执照附件不清晰，请重新上传" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
