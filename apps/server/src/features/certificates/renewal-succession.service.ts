import { describeCertificate } from "@lnca/pki";
import type { DbOrTx } from "../../db/database";
import { transition, transitionAll } from "../../kernel/transition";
import { AppError } from "../../shared/app-error";
import { newId } from "../../shared/ids";
import { recordAudit } from "../audit/audit";
import type { Actor } from "../policy/actor";
import {
  findCertificateById,
  insertAssociations,
  insertCertificates,
  listActiveAssociationsOf,
} from "./certificates.queries";
import { associationMachine, certificateMachine } from "./certificates.states";

declare module "../audit/audit" {
  interface AuditActions {
    "certificate.renewed": { serial: string; previousCertificateId: string; platformIds: string[] };
    "certificate.superseded": { by: string };
    "association.ended": { reason: "renewed" | "dropped_at_renewal"; byCertificateId: string };
  }
}

export interface RenewedCertificate {
  certificateId: string;
  /** Platforms of the old certificate that were not chosen again: their association ends with it. */
  droppedPlatformIds: string[];
}

/**
 * A renewal takes effect (J6, the key update's confirmation), inside the caller's transaction: the renewed
 * certificate joins the old one's key with its lineage (same holder, enterprise, category and vendor), the old
 * one is superseded, the old associations end and the platforms chosen in the order start on the new one.
 */
export async function recordRenewedCertificate(
  trx: DbOrTx,
  actor: Actor,
  input: { previousCertificateId: string; certificatePem: string; chosenPlatformIds: readonly string[]; now: Date },
): Promise<RenewedCertificate> {
  const old = await findCertificateById(trx, input.previousCertificateId);
  if (!old) throw new AppError("CERTIFICATE_NOT_FOUND");
  const d = describeCertificate(input.certificatePem);
  const iso = input.now.toISOString();
  const id = newId();
  await insertCertificates(trx, [
    {
      id,
      token_id: old.token_id,
      previous_certificate_id: old.id,
      serial_number: d.serialNumber,
      issuer: d.issuer,
      subject: d.subject,
      fingerprint_sha256: d.fingerprintSha256,
      certificate_pem: input.certificatePem,
      holder_kind: old.holder_kind,
      category_code: old.category_code,
      vendor_id: old.vendor_id,
      holder_name: old.holder_name,
      holder_id_number: old.holder_id_number,
      enterprise_id: old.enterprise_id,
      not_before: d.notBefore.toISOString(),
      not_after: d.notAfter.toISOString(),
      status: "active",
      source: "issued",
      revoked_at: null,
      revocation_reason: null,
      created_at: iso,
      updated_at: iso,
    },
  ]);
  await transition(trx, certificateMachine, {
    id: old.id,
    from: "active",
    to: "superseded",
    set: { updated_at: iso },
    audit: { actor, action: "certificate.superseded", data: { by: id } },
    at: input.now,
  });

  const chosen = new Set(input.chosenPlatformIds);
  const previous = await listActiveAssociationsOf(trx, [old.id]);
  const dropped = previous.filter((a) => !chosen.has(a.platform_id));
  const carried = previous.filter((a) => chosen.has(a.platform_id));
  for (const [ended, reason] of [
    [carried, "renewed"],
    [dropped, "dropped_at_renewal"],
  ] as const) {
    await transitionAll(trx, associationMachine, {
      ids: ended.map((a) => a.id),
      from: "active",
      to: "ended",
      set: { ended_at: iso, ended_reason: reason },
      audit: { actor, action: "association.ended", data: { reason, byCertificateId: id } },
      at: input.now,
    });
  }
  await insertAssociations(trx, id, [...chosen], iso);
  await recordAudit(
    trx,
    actor,
    "certificate.renewed",
    { kind: "certificate", id },
    { serial: d.serialNumber, previousCertificateId: old.id, platformIds: [...chosen] },
    input.now,
  );
  return { certificateId: id, droppedPlatformIds: dropped.map((a) => a.platform_id) };
}
