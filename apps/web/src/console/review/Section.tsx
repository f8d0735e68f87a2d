import { Card } from "antd";
import type { ReactNode } from "react";

/** A titled part of the review page; its title is a real heading so a screen reader can jump between parts. */
export function Section({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card className="section-gap" title={<h2 className="section-title">{title}</h2>} extra={extra}>
      {children}
    </Card>
  );
}
