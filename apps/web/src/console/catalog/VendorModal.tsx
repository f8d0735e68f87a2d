import type { CaAdapterKindName, ConsoleVendor } from "@lnca/contracts";
import { Alert, App, Form, Input, Modal, Radio } from "antd";
import { useSaveVendor } from "../../api/consoleVendors";

interface VendorValues {
  code: string;
  name: string;
  adapter: CaAdapterKindName;
  estUrl: string;
}

/** 新增 / 编辑证书厂商: its name and how its certificates are renewed (the built-in CA, or its EST server). */
export function VendorModal({
  vendor,
  open,
  onClose,
}: {
  vendor: ConsoleVendor | null;
  open: boolean;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<VendorValues>();
  const save = useSaveVendor(vendor?.code ?? null);
  const adapter = Form.useWatch("adapter", form);

  const submit = ({ code, name, adapter: kind, estUrl }: VendorValues) => {
    const settings = { name: name.trim(), adapter: kind, estUrl: kind === "est" ? estUrl.trim() : null };
    save.mutate(vendor ? settings : { code: code.trim(), ...settings }, {
      onSuccess: () => {
        message.success("已保存证书厂商");
        onClose();
      },
    });
  };

  return (
    <Modal
      title={vendor ? `编辑证书厂商：${vendor.name}` : "新增证书厂商"}
      open={open}
      okText="保存"
      okButtonProps={{ loading: save.isPending }}
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {save.isError && <Alert type="error" showIcon className="section-gap" title={save.error.message} />}
      <Form<VendorValues>
        form={form}
        layout="vertical"
        initialValues={{
          code: vendor?.code ?? "",
          name: vendor?.name ?? "",
          adapter: vendor?.adapter ?? "builtin",
          estUrl: vendor?.estUrl ?? "",
        }}
        onFinish={submit}
      >
        <Form.Item
          name="code"
          label="编码"
          rules={[{ required: true, pattern: /^[A-Za-z0-9_-]{1,64}$/, message: "编码只能含字母、数字、- 与 _" }]}
        >
          <Input disabled={vendor !== null} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="name"
          label="厂商名称"
          rules={[{ required: true, whitespace: true, message: "请填写厂商名称" }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="adapter" label="证书更新方式（CA 接入）">
          <Radio.Group
            options={[
              { value: "builtin", label: "平台内置 CA" },
              { value: "est", label: "厂商 EST 服务（RFC 7030）" },
            ]}
          />
        </Form.Item>
        {adapter === "est" && (
          <Form.Item
            name="estUrl"
            label="EST 地址"
            extra="例如 https://est.example.cn/.well-known/est；平台以本厂商签发的 RA 证书做 TLS 客户端认证（见运维手册）。"
            rules={[{ required: true, pattern: /^https:\/\/\S+$/, message: "请填写 https:// 开头的 EST 地址" }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
