import type { CaLoginResponse } from "@lnca/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { caLogin, requestChallenge, SESSION_KEY } from "../api/auth";
import type { KeybridgeClient } from "../keybridge/client";
import type { CertificateChoice } from "./CertificatePicker";

/** The three steps of a CA login, in the order the progress display shows them. */
export const CA_LOGIN_STEPS = ["获取登录请求", "CA 锁签名", "验证证书"] as const;
export type CaLoginPhase = 0 | 1 | 2;

export type BindingRequired = Extract<CaLoginResponse, { status: "binding_required" }>;

export interface CaLoginFailure {
  phase: CaLoginPhase;
  error: unknown;
}

export type CaLoginOutcome = { ok: true; result: CaLoginResponse } | { ok: false; failure: CaLoginFailure };

/**
 * Challenge → the key signs it through the keybridge → the server verifies signature and certificate.
 * A logged-in answer updates the cached session; a binding answer goes back to the caller.
 */
export function useCaLogin(client: KeybridgeClient) {
  const queryClient = useQueryClient();
  const [phase, setPhase] = useState<CaLoginPhase | null>(null);
  const [failure, setFailure] = useState<CaLoginFailure | null>(null);
  const [running, setRunning] = useState(false);

  async function run(choice: CertificateChoice, pin: string): Promise<CaLoginOutcome> {
    setRunning(true);
    setFailure(null);
    let current: CaLoginPhase = 0;
    const step = (next: CaLoginPhase) => {
      current = next;
      setPhase(next);
    };
    try {
      step(0);
      const challenge = await requestChallenge();
      step(1);
      const signed = await client.signChallenge(choice.key.keyId, {
        certId: choice.certificate.certId,
        pin,
        challenge: challenge.challenge,
      });
      step(2);
      const result = await caLogin({
        challengeId: challenge.challengeId,
        certificatePem: signed.certificatePem,
        chainPem: signed.chainPem,
        signature: signed.signature,
        signatureAlgorithm: signed.signatureAlgorithm,
      });
      if (result.status === "logged_in") queryClient.setQueryData(SESSION_KEY, result.user);
      return { ok: true, result };
    } catch (error) {
      const failed = { phase: current, error };
      setFailure(failed);
      return { ok: false, failure: failed };
    } finally {
      setRunning(false);
    }
  }

  function reset() {
    setPhase(null);
    setFailure(null);
  }

  return { run, reset, phase, failure, running };
}
