import type {
  KeybridgeImportRequest,
  KeybridgeKey,
  KeybridgeRenewalRequest,
  KeybridgeRenewalResponse,
  KeybridgeRetireRequest,
  KeybridgeStatus,
  SignChallengeRequest,
  SignChallengeResponse,
} from "@lnca/contracts";
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

  /** 自助年检: a new key pair on the key (or the one made for this key update), its CSR, the old key's proof. */
  requestRenewal(keyId: string, request: KeybridgeRenewalRequest): Promise<KeybridgeRenewalResponse> {
    return requestJson<KeybridgeRenewalResponse>(
      this.url(`/v1/keys/${encodeURIComponent(keyId)}/key-updates`),
      { method: "POST", body: request, ...LOOPBACK },
      NOT_RUNNING,
    );
  }

  /** Writes the renewed certificate next to the key update's new key. */
  importCertificate(keyId: string, keyUpdateId: string, request: KeybridgeImportRequest): Promise<{ certId: string }> {
    return requestJson<{ certId: string }>(
      this.url(`/v1/keys/${encodeURIComponent(keyId)}/key-updates/${encodeURIComponent(keyUpdateId)}/certificate`),
      { method: "POST", body: request, ...LOOPBACK },
      NOT_RUNNING,
    );
  }

  /** Deletes the old key and certificate; the keybridge refuses unless the renewed ones are on the key. */
  retire(keyId: string, keyUpdateId: string, request: KeybridgeRetireRequest): Promise<{ retired: boolean }> {
    return requestJson<{ retired: boolean }>(
      this.url(`/v1/keys/${encodeURIComponent(keyId)}/key-updates/${encodeURIComponent(keyUpdateId)}/retire`),
      { method: "POST", body: request, ...LOOPBACK },
      NOT_RUNNING,
    );
  }
}
