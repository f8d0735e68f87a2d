import {
  AccountBookOutlined,
  AuditOutlined,
  CalendarOutlined,
  FileDoneOutlined,
  KeyOutlined,
  SyncOutlined,
} from "@ant-design/icons";
import { Card, Col, Row } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";

interface Service {
  title: string;
  description: string;
  icon: ReactNode;
  to: string;
}

// The platform's services in the order the guide walks through them.
const SERVICES: Service[] = [
  {
    title: "CA 登录",
    description: "插入 CA 锁登录平台，绑定手机号作为登录账号，一锁一人一账号。",
    icon: <KeyOutlined />,
    to: "/login",
  },
  {
    title: "信息审核",
    description: "完善个人与企业信息，营业执照智能识别比对，审核周期为一个工作日，结果短信告知。",
    icon: <AuditOutlined />,
    to: "/center/enterprise",
  },
  {
    title: "CA 延期年检",
    description: "勾选需要延期的 CA 数字证书及关联平台，管理员可为本企业人员批量办理。",
    icon: <CalendarOutlined />,
    to: "/center/ca",
  },
  {
    title: "在线支付",
    description: "订单确认后通过支付宝或微信支付在线缴费，费用按证类别与关联平台计算。",
    icon: <AccountBookOutlined />,
    to: "/center/orders",
  },
  {
    title: "电子发票",
    description: "支付时选择开具电子普票或纸质专票，填写发票抬头与接收邮箱。",
    icon: <FileDoneOutlined />,
    to: "/center/invoices",
  },
  {
    title: "自助年检",
    description: "缴费后插入 CA 锁，通过拓展程序在线更新数字证书，完成延期。",
    icon: <SyncOutlined />,
    to: "/center/ca",
  },
];

export function ServiceCards() {
  return (
    <section className="home-section" aria-labelledby="services-title">
      <h2 id="services-title" className="section-title">
        业务办理
      </h2>
      <Row gutter={[20, 20]}>
        {SERVICES.map((service) => (
          <Col key={service.title} xs={24} sm={12} lg={8}>
            <Link to={service.to} className="service-card-link">
              <Card hoverable className="service-card">
                <div className="service-icon">{service.icon}</div>
                <div>
                  <div className="service-title">{service.title}</div>
                  <div className="service-description">{service.description}</div>
                </div>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </section>
  );
}
