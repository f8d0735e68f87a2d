import { WechatOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Flex, QRCode, Result, Space, Spin, Typography } from "antd";
import { useNavigate, useParams } from "react-router-dom";
import { usePublicConfig } from "../../api/config";
import { usePaymentState } from "../../api/renewals";
import { PageHeader } from "../../shared/PageHeader";
import { yuan } from "../../shared/yuan";
import { rememberedCode } from "./wechatCode";

/**
 * 微信支付: the Native-pay code as a QR code, and the payment read every two seconds until WeChat Pay's
 * notification has marked it paid. In the sandbox the code opens the 模拟收银台 instead of a phone.
 */
export function WechatPayPage() {
  const { id = "", paymentId = "" } = useParams();
  const navigate = useNavigate();
  const state = usePaymentState(paymentId);
  const config = usePublicConfig();
  const code = rememberedCode(paymentId);
  const paid = state.data?.status === "paid";
  const orderPath = `/center/orders/${id}`;

  let body: React.ReactNode;
  if (paid) {
    body = (
      <Result
        status="success"
        title={<span data-testid="payment-success">支付成功</span>}
        // No timed redirect: the payer reads it at their own pace (WCAG 2.2.1) and opens the order.
        subTitle="订单已支付，证书待持证人更新后完成延期。"
        extra={
          <Button type="primary" onClick={() => navigate(orderPath, { replace: true })}>
            查看订单
          </Button>
        }
      />
    );
  } else if (state.data && state.data.status !== "created") {
    body = (
      <Result
        status="warning"
        title="本次支付已结束"
        subTitle="二维码已失效。如订单仍待支付，请返回重新支付。"
        extra={<Button onClick={() => navigate(`${orderPath}/pay`)}>返回支付</Button>}
      />
    );
  } else if (!code) {
    body = (
      <Result
        status="info"
        title="二维码已不在此页面中"
        subTitle="请返回支付确认页重新发起微信支付；如已扫码付款，订单状态会自动更新。"
        extra={<Button onClick={() => navigate(orderPath)}>查看订单</Button>}
      />
    );
  } else {
    body = (
      <Flex vertical align="center" gap={16}>
        <Typography.Text>
          应付金额：<strong className="renewal-price">{yuan(code.amountFen)}</strong>
        </Typography.Text>
        <div data-testid="wechat-qr" data-code-url={code.codeUrl}>
          <QRCode value={code.codeUrl} size={220} bgColor="#fff" aria-label="微信支付二维码" />
        </div>
        <Space>
          <WechatOutlined style={{ color: "#07c160", fontSize: 20 }} />
          <span>请使用微信扫一扫，扫描二维码完成支付</span>
        </Space>
        <Spin size="small" description="等待支付结果…" />
        {state.isError && <Alert type="warning" showIcon title={`暂时无法读取支付状态：${state.error.message}`} />}
        {config.data?.paymentSandbox && (
          <a
            href={`/sandbox/wechatpay/scan?code_url=${encodeURIComponent(code.codeUrl)}`}
            target="_blank"
            rel="noopener"
            data-testid="sandbox-scan-link"
          >
            在模拟收银台中扫码支付
          </a>
        )}
        <Button onClick={() => navigate(`${orderPath}/pay`)}>更换支付方式</Button>
      </Flex>
    );
  }

  return (
    <>
      <PageHeader title="微信支付" />
      <Card>{body}</Card>
    </>
  );
}
