import type { RenewalOrder } from "@lnca/contracts";
import { Alert, Button, Card, Descriptions, Flex, Form, Spin, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { ApiError } from "../../api/client";
import type { InvoiceTitleDetails } from "../../api/invoiceTitle";
import { useStartPayment } from "../../api/renewals";
import { yuan } from "../../shared/yuan";
import { formatDateTime } from "../../time";
import { ExpiryCountdown } from "./ExpiryCountdown";
import { InvoiceSection } from "./InvoiceSection";
import { invoiceOf, type PaymentFormValues, TITLE_FIELDS } from "./invoiceForm";
import { lockedInvoiceKind, rememberInvoiceKind } from "./invoiceLock";
import { OrderItemsCard } from "./OrderItemsCard";
import { PaymentChannelField } from "./PaymentChannelField";
import { rememberCodeUrl } from "./wechatCode";

interface PaymentFormProps {
  order: RenewalOrder;
  title: InvoiceTitleDetails | null;
  fallbackTitle: string | null;
  email: string | null;
}

/** 支付确认's form: invoice choice and details, channel → 【立即支付】. */
export function PaymentForm({ order, title, fallbackTitle, email }: PaymentFormProps) {
  const navigate = useNavigate();
  const [form] = Form.useForm<PaymentFormValues>();
  const start = useStartPayment(order.id);
  const lockedKind = lockedInvoiceKind(order);
  const [editingTitle, setEditingTitle] = useState(false);
  const [redirecting, setRedirecting] = useState(false);

  const initialValues: Partial<PaymentFormValues> = {
    wantInvoice: lockedKind ? "yes" : "no",
    kind: lockedKind ?? "e_normal",
    titleType: title?.titleType ?? "enterprise",
    title: title?.title ?? fallbackTitle ?? "",
    taxpayerNumber: title?.taxpayerNumber ?? "",
    address: title?.address ?? "",
    phone: title?.phone ?? "",
    bank: title?.bank ?? "",
    bankAccount: title?.bankAccount ?? "",
    email: email ?? "",
  };

  const pay = (values: PaymentFormValues) => {
    const invoice = invoiceOf(values);
    start.mutate(
      { channel: values.channel, invoice },
      {
        onSuccess: (payment) => {
          if (invoice) rememberInvoiceKind(order.id, invoice.kind);
          if (payment.payUrl) {
            setRedirecting(true);
            window.location.assign(payment.payUrl);
          } else if (payment.codeUrl) {
            rememberCodeUrl(payment.paymentId, payment.codeUrl, payment.amountFen);
            navigate(`/center/orders/${order.id}/pay/wechat/${payment.paymentId}`);
          }
        },
        onError: (error) => {
          const field = fieldOf(error);
          if (field) {
            if ((TITLE_FIELDS as readonly string[]).includes(field)) setEditingTitle(true);
            form.setFields([{ name: field as keyof PaymentFormValues, errors: [error.message] }]);
          }
        },
      },
    );
  };

  return (
    <Spin spinning={redirecting} description="正在跳转到支付宝…">
      <Card className="section-gap">
        <Descriptions
          column={{ xs: 1, md: 3 }}
          items={[
            { key: "no", label: "订单号", children: <span data-testid="order-no">{order.orderNo}</span> },
            { key: "at", label: "下单时间", children: formatDateTime(order.createdAt) },
            { key: "expires", label: "支付剩余时间", children: <ExpiryCountdown expiresAt={order.expiresAt} /> },
          ]}
        />
      </Card>
      <OrderItemsCard order={order} />
      <Form<PaymentFormValues>
        form={form}
        layout="horizontal"
        labelCol={{ flex: "110px" }}
        initialValues={initialValues}
        onFinish={pay}
        onFinishFailed={({ errorFields }) => {
          if (errorFields.some(({ name }) => (TITLE_FIELDS as readonly string[]).includes(String(name[0])))) {
            setEditingTitle(true);
          }
        }}
        scrollToFirstError
      >
        <Card title="发票信息" className="section-gap">
          <InvoiceSection
            lockedKind={lockedKind}
            editingTitle={editingTitle}
            onEditTitle={() => setEditingTitle(true)}
          />
        </Card>
        <Card title="支付方式" className="section-gap">
          <PaymentChannelField />
        </Card>
        {start.isError && !fieldOf(start.error) && (
          <Alert type="error" showIcon className="section-gap" title={start.error.message} />
        )}
        <Flex justify="flex-end" align="center" gap={24} wrap>
          <Typography.Text className="renewal-total">
            应付金额：<strong data-testid="amount-payable">{yuan(order.totalFen)}</strong>
          </Typography.Text>
          <Button type="primary" size="large" htmlType="submit" loading={start.isPending || redirecting}>
            立即支付
          </Button>
        </Flex>
      </Form>
    </Spin>
  );
}

/** The form field a refused invoice names (`details.field`, with or without the `invoice.` prefix). */
function fieldOf(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  const details = error.details.details as { field?: unknown } | undefined;
  const field = typeof details?.field === "string" ? details.field.replace(/^invoice\./, "") : null;
  return field && [...TITLE_FIELDS, "kind", "titleType", "email"].includes(field) ? field : null;
}
