import { paymentChannelLabels, paymentChannels, renewalOrderStatuses, renewalOrderStatusLabels } from "@lnca/contracts";
import { Button, DatePicker, Form, Input, Select, Space } from "antd";
import type { Dayjs } from "dayjs";
import type { ConsoleOrderSearch } from "../../api/consoleOrders";

interface SearchValues {
  orderNo?: string;
  enterprise?: string;
  holder?: string;
  from?: Dayjs | null;
  to?: Dayjs | null;
  channel?: ConsoleOrderSearch["channel"];
  status?: ConsoleOrderSearch["status"];
}

const text = (value: string | undefined) => value?.trim() || undefined;

/** Search by 订单号, 企业, 持证人, 下单日期, 支付方式 and 状态 (both tabs use the same fields). */
export function OrderSearchForm({ onSearch }: { onSearch: (search: ConsoleOrderSearch) => void }) {
  const [form] = Form.useForm<SearchValues>();
  const submit = (values: SearchValues) =>
    onSearch({
      orderNo: text(values.orderNo),
      enterprise: text(values.enterprise),
      holder: text(values.holder),
      from: values.from?.format("YYYY-MM-DD"),
      to: values.to?.format("YYYY-MM-DD"),
      channel: values.channel,
      status: values.status,
    });
  return (
    <Form<SearchValues> form={form} layout="inline" onFinish={submit} className="section-gap console-search">
      <Form.Item name="orderNo" label="订单号">
        <Input allowClear maxLength={40} placeholder="PL…" style={{ width: 170 }} />
      </Form.Item>
      <Form.Item name="enterprise" label="企业">
        <Input allowClear maxLength={100} style={{ width: 170 }} />
      </Form.Item>
      <Form.Item name="holder" label="持证人">
        <Input allowClear maxLength={50} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="from" label="下单日期自">
        <DatePicker placeholder="开始日期" />
      </Form.Item>
      <Form.Item name="to" label="至">
        <DatePicker placeholder="结束日期" />
      </Form.Item>
      <Form.Item name="channel" label="支付方式">
        <Select
          allowClear
          style={{ width: 120 }}
          options={paymentChannels.map((value) => ({ value, label: paymentChannelLabels[value] }))}
        />
      </Form.Item>
      <Form.Item name="status" label="订单状态">
        <Select
          allowClear
          style={{ width: 120 }}
          options={renewalOrderStatuses.map((value) => ({ value, label: renewalOrderStatusLabels[value] }))}
        />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            搜索
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onSearch({});
            }}
          >
            重置
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
