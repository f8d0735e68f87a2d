import type { KeybridgeKey, KeybridgeStatus, SignChallengeRequest, SignChallengeResponse } from "@lnca/contracts";
import { requestJson } from "../api/client";

// A network error means the bridge is not running on this PC; that is what the user must be told.
const NOT_RUNNING = "无法连接 CA 互联互通(辽宁版) 驱动（拓展程序），请确认已安装并启动";

/** Every bridge request targets the loopback address space (Local Network Access). */
const LOOPBACK = { targetAddressSpace: "loopback" } as const;

/** Talks to the keybridge (拓展程序) on the user's own PC. */
export class KeybridgeClient {
  constructor(private readonly baseUrl: string) {}

  private url(path: string): string {
    return `${this.baseUrl.replace(/\/+$/, "")}${path}`;
  }

  status(signal?: AbortSignal): Promise<KeybridgeStatus> {
    return requestJson<KeybridgeStatus>(this.url("/v1/status"), { signal, ...LOOPBACK }, NOT_RUNNING);
  }

  async keys(signal?: AbortSignal): Promise<KeybridgeKey[]> {
    const body = await requestJson<{ keys: KeybridgeKey[] }>(
      this.url("/v1/keys"),
      { signal, ...LOOPBACK },
      NOT_RUNNING,
    );
    return body.keys;
  }

  /** Asks the key to sign a server challenge; errors carry the bridge's message (PIN tries left, …). */
  signChallenge(keyId: string, request: SignChallengeRequest): Promise<SignChallengeResponse> {
    return requestJson<SignChallengeResponse>(
      this.url(`/v1/keys/${encodeURIComponent(keyId)}/sign-challenge`),
      { method: "POST", body: request, ...LOOPBACK },
      NOT_RUNNING,
    );
  }
}
