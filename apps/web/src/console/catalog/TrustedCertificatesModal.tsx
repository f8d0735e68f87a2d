import type { ConsoleVendor, TrustedCertificate } from "@lnca/contracts";
import { Alert, App, Button, Form, Input, Modal, Table, Tag } from "antd";
import { useAddTrustedCertificate, useTrustedCertificates } from "../../api/consoleVendors";
import { formatDateTime } from "../../time";

/** 信任证书: the vendor's roots and issuing CAs, against which logins and renewed certificates are checked. */
export function TrustedCertificatesModal({
  vendor,
  canManage,
  onClose,
}: {
  vendor: ConsoleVendor;
  canManage: boolean;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ certificatePem: string }>();
  const certificates = useTrustedCertificates(vendor.code);
  const add = useAddTrustedCertificate(vendor.code);

  const submit = ({ certificatePem }: { certificatePem: string }) =>
    add.mutate(certificatePem, {
      onSuccess: (added) => {
        message.success(added.kind === "root" ? "已登记根证书" : "已登记签发 CA 证书");
        form.resetFields();
      },
    });

  return (
    <Modal title={`信任证书：${vendor.name}`} open width={880} footer={null} onCancel={onClose} destroyOnHidden>
      <Table<TrustedCertificate>
        data-testid="vendor-trusted-certificates"
        rowKey="id"
        size="small"
        loading={certificates.isPending}
        dataSource={certificates.data}
        pagination={false}
        locale={{ emptyText: "尚未登记信任证书" }}
        columns={[
          {
            title: "类型",
            dataIndex: "kind",
            width: 110,
            render: (kind: TrustedCertificate["kind"]) =>
              kind === "root" ? <Tag color="gold">根证书</Tag> : <Tag>签发 CA</Tag>,
          },
          { title: "主题", dataIndex: "subject", ellipsis: true },
          { title: "有效期至", dataIndex: "notAfter", width: 180, render: (at: string) => formatDateTime(at) },
          {
            title: "SHA-256 指纹",
            dataIndex: "fingerprintSha256",
            width: 160,
            render: (fp: string) => <span title={fp}>{fp.slice(0, 16)}…</span>,
          },
        ]}
      />
      {canManage && (
        <Form form={form} layout="vertical" onFinish={submit} className="section-gap">
          {add.isError && <Alert type="error" showIcon className="section-gap" title={add.error.message} />}
          <Form.Item
            name="certificatePem"
            label="登记 CA 证书（PEM）"
            extra="自签名的证书登记为根证书，其余 CA 证书登记为签发 CA。"
            rules={[{ required: true, message: "请粘贴 PEM 格式的 CA 证书" }]}
          >
            <Input.TextArea rows={6} placeholder="-----BEGIN CERTIFICATE-----" spellCheck={false} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            登记
          </Button>
        </Form>
      )}
    </Modal>
  );
}
