import { AlipayCircleOutlined, WechatOutlined } from "@ant-design/icons";
import { Form, Radio, Space } from "antd";

/** 支付方式 (guide 图 5): 支付宝 ALIPAY / 微信支付. */
export function PaymentChannelField() {
  return (
    <Form.Item name="channel" label="支付方式" rules={[{ required: true, message: "请选择支付方式" }]}>
      <Radio.Group>
        <Radio value="alipay">
          <Space>
            <AlipayCircleOutlined style={{ color: "#1677ff" }} />
            支付宝 ALIPAY
          </Space>
        </Radio>
        <Radio value="wechat">
          <Space>
            <WechatOutlined style={{ color: "#07c160" }} />
            微信支付
          </Space>
        </Radio>
      </Radio.Group>
    </Form.Item>
  );
}
