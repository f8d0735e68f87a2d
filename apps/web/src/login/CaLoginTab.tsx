import type { CaLoginResponse } from "@lnca/contracts";
import { Spin } from "antd";
import { KeybridgeBlocked } from "../keybridge/KeybridgeBlocked";
import { useKeybridge } from "../keybridge/useKeybridge";
import { CaLoginForm } from "./CaLoginForm";
import { KeybridgeMissing } from "./KeybridgeMissing";

/** CA 登录: waits for the keybridge (polling), then offers the certificates on the inserted keys. */
export function CaLoginTab({ onResult }: { onResult: (result: CaLoginResponse) => void }) {
  const keybridge = useKeybridge();
  if (keybridge.running === null) {
    return (
      <div className="center-block">
        <Spin description="正在检测 CA 互联互通(辽宁版) 驱动…" />
      </div>
    );
  }
  if (!keybridge.running) {
    if (keybridge.trouble === "permission_denied") return <KeybridgeBlocked />;
    return <KeybridgeMissing />;
  }
  return <CaLoginForm keybridge={keybridge} onResult={onResult} />;
}
