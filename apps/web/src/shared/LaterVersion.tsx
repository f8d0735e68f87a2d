import { ClockCircleOutlined } from "@ant-design/icons";
import { Card, Result } from "antd";
import type { ReactNode } from "react";
import { PageHeader } from "./PageHeader";

interface LaterVersionProps {
  title: string;
  description: string;
  /** What the page will let the user do, in the guide's words. */
  features: ReactNode[];
}

/** A menu entry whose function opens in a later version: says what it will do instead of showing fake data. */
export function LaterVersion({ title, description, features }: LaterVersionProps) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <Card>
        <Result
          icon={<ClockCircleOutlined style={{ color: "#8c9bb0" }} />}
          title={`${title}功能将在后续版本开放`}
          subTitle={
            <ul className="later-features">
              {features.map((feature, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a fixed, never reordered list
                <li key={index}>{feature}</li>
              ))}
            </ul>
          }
        />
      </Card>
    </>
  );
}
