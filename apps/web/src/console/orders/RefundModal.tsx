import { type RenewalOrder, renewalItemStatusLabels } from "@lnca/contracts";
import { Alert, App, Checkbox, Form, Input, Modal, Radio } from "antd";
import { useRefundOrder } from "../../api/consoleOrders";
import { yuan } from "../../shared/yuan";

interface RefundValues {
  scope: "order" | "items";
  itemIds: string[];
  reason: string;
}

/** Only items whose holder has not begun the key update can be refunded (the server says the same). */
const refundable = (item: RenewalOrder["items"][number]) => item.status === "awaiting_update";

/** 【退款】: the whole order or chosen items, always with a reason; the refund goes back by the payment's channel. */
export function RefundModal({ order, open, onClose }: { order: RenewalOrder; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<RefundValues>();
  const refund = useRefundOrder(order.id);
  const scope = Form.useWatch("scope", form);

  const submit = ({ scope: chosen, itemIds, reason }: RefundValues) =>
    refund.mutate(
      { reason: reason.trim(), itemIds: chosen === "items" ? itemIds : undefined },
      {
        onSuccess: () => {
          message.success("已提交退款，款项将原路退回");
          onClose();
        },
      },
    );

  return (
    <Modal
      title={`退款：订单 ${order.orderNo}`}
      open={open}
      okText="确认退款"
      okButtonProps={{ danger: true, loading: refund.isPending }}
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {refund.isError && <Alert type="error" showIcon className="section-gap" title={refund.error.message} />}
      <Form<RefundValues>
        form={form}
        layout="vertical"
        initialValues={{ scope: "order", itemIds: [], reason: "" }}
        onFinish={submit}
      >
        <Form.Item name="scope" label="退款范围">
          <Radio.Group
            options={[
              { value: "order", label: `整单退款（${yuan(order.totalFen)}）` },
              { value: "items", label: "部分证书退款" },
            ]}
          />
        </Form.Item>
        {scope === "items" && (
          <Form.Item
            name="itemIds"
            label="退款的证书"
            rules={[{ type: "array", min: 1, message: "请至少选择一张证书" }]}
          >
            <Checkbox.Group
              style={{ display: "flex", flexDirection: "column", gap: 6 }}
              options={order.items.map((item) => ({
                value: item.itemId,
                disabled: !refundable(item),
                label: `${item.holderName} · ${item.categoryName} · ${yuan(item.priceFen)}${
                  refundable(item) ? "" : `（${renewalItemStatusLabels[item.status]}，不可退款）`
                }`,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label="退款原因"
          rules={[
            { required: true, whitespace: true, message: "请填写退款原因" },
            { min: 2, message: "请填写退款原因（至少 2 个字）" },
          ]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
