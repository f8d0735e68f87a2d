import type { KeyUpdate } from "@lnca/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { keyUpdatesApi } from "../../api/keyUpdates";
import type { KeybridgeClient } from "../../keybridge/client";
import { type KeyUpdatePhase, type PaidCertificateOnKey, pendingRetires } from "./keyUpdate";

/** What to update: a paid item (opened or resumed), or a confirmed update whose old key is still to go. */
export type KeyUpdateTarget =
  | { kind: "item"; itemId: string; holderName: string }
  | { kind: "retire"; keyUpdateId: string; holderName: string };

export interface KeyUpdateFailure {
  phase: KeyUpdatePhase;
  error: unknown;
}

export type KeyUpdateOutcome =
  | { ok: true; keyUpdate: KeyUpdate; oldKeyRetired: boolean }
  | { ok: false; failure: KeyUpdateFailure };

/**
 * 【自助年检】 as the protocol runs it, resumed from the server's status: the key makes its new key pair and
 * request (proven by the old key), the CA issues, the key takes the certificate, the server confirms, and only
 * then is the old key deleted. Any step that breaks off is taken up again by running once more.
 */
export function useKeyUpdate(bridge: KeybridgeClient) {
  const queryClient = useQueryClient();
  const [phase, setPhase] = useState<KeyUpdatePhase | null>(null);
  const [failure, setFailure] = useState<KeyUpdateFailure | null>(null);
  const [running, setRunning] = useState(false);

  async function run(target: KeyUpdateTarget, onKey: PaidCertificateOnKey, pin: string): Promise<KeyUpdateOutcome> {
    const { key, certificate } = onKey;
    setRunning(true);
    setFailure(null);
    let current: KeyUpdatePhase = 0;
    const step = (next: KeyUpdatePhase) => {
      current = next;
      setPhase(next);
    };
    const retires = pendingRetires();
    try {
      step(0);
      let update =
        target.kind === "item" ? await keyUpdatesApi.open(target.itemId) : await keyUpdatesApi.get(target.keyUpdateId);
      if (update.status === "renewal_requested") {
        const made = await bridge.requestRenewal(key.keyId, {
          certId: certificate.certId,
          pin,
          keyUpdateId: update.id,
          nonce: update.nonce,
        });
        step(1);
        step(2);
        update = await keyUpdatesApi.submitCsr(update.id, { csrPem: made.csrPem, proof: made.proof });
      }
      if (update.status === "issued" && update.newCertificate) {
        step(3);
        await bridge.importCertificate(key.keyId, update.id, {
          pin,
          certificatePem: update.newCertificate.certificatePem,
          chainPem: update.newCertificate.chainPem,
        });
        update = await keyUpdatesApi.written(update.id);
      }
      if (update.status === "written") {
        step(4);
        update = await keyUpdatesApi.confirm(update.id);
      }
      if (update.status !== "confirmed") throw new Error(`key update stopped at ${update.status}`);
      step(4);
      // From here the renewal has taken effect; deleting the old key is the keybridge's last step, kept in the
      // browser until it is done.
      retires.remember({ keyUpdateId: update.id, oldSerial: certificate.serialNumber, holderName: target.holderName });
      let oldKeyRetired = false;
      try {
        await bridge.retire(key.keyId, update.id, { pin, oldCertId: certificate.certId });
        retires.forget(update.id);
        oldKeyRetired = true;
      } catch {
        oldKeyRetired = false;
      }
      return { ok: true, keyUpdate: update, oldKeyRetired };
    } catch (error) {
      const failed = { phase: current, error };
      setFailure(failed);
      return { ok: false, failure: failed };
    } finally {
      setRunning(false);
      void queryClient.invalidateQueries({ queryKey: ["renewals", "updates"] });
      void queryClient.invalidateQueries({ queryKey: ["keybridge", "keys"] });
    }
  }

  function reset() {
    setPhase(null);
    setFailure(null);
  }

  return { run, reset, phase, failure, running };
}
