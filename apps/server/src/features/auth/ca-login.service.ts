import type { CaLoginResponse, ErrorCode, SignatureAlgorithm } from "@lnca/contracts";
import { type ValidationFailureReason, verifySignature } from "@lnca/pki";
import type { Db } from "../../db/database";
import { AppError } from "../../shared/app-error";
import type { Clock } from "../../shared/clock";
import { isoAfter } from "../../shared/clock";
import { newId, newSecretToken, sha256Hex } from "../../shared/ids";
import { hitRateLimit, MINUTE } from "../../shared/rate-limit";
import { recordAudit } from "../audit/audit";
import { findVendorById } from "../catalog/catalog.queries";
import type { CatalogService } from "../catalog/catalog.service";
import { findTokenById } from "../certificates/certificates.queries";
import { recordPresentedCertificate } from "../certificates/certificates.service";
import type { TrustService } from "../certificates/trust.service";
import { findActiveAdmin } from "../identities/identities.queries";
import { loginSessionUser } from "../users/session-user";
import { insertBindingTicket } from "./binding-tickets.queries";
import type { ChallengeService, OpenChallenge } from "./challenges.service";
import type { SessionService } from "./sessions.service";

const BINDING_TICKET_TTL_MS = 15 * MINUTE;

const rejectionCodes: Record<ValidationFailureReason, ErrorCode> = {
  malformed: "CERTIFICATE_MALFORMED",
  untrusted: "CERTIFICATE_UNTRUSTED",
  expired: "CERTIFICATE_EXPIRED",
  not_yet_valid: "CERTIFICATE_NOT_YET_VALID",
  revoked: "CERTIFICATE_REVOKED",
  revocation_unknown: "CERTIFICATE_REVOCATION_UNKNOWN",
  key_usage: "CERTIFICATE_KEY_USAGE",
};

export interface CaLoginInput {
  challengeId: string;
  certificatePem: string;
  chainPem: string[];
  signature: string;
  signatureAlgorithm: SignatureAlgorithm;
}

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

export type CaLoginOutcome = CaLoginResponse & { sessionToken?: string };

/**
 * CA 登录: challenge–response with the key's private key. The challenge is checked (ours, current, for this
 * purpose); then the chain to a trusted vendor root (validity, key usage, CRL), the signature over the exact
 * challenge text, and the platform's own revocation record. A bound key logs its person in; an unbound one
 * gets a binding ticket. The challenge is spent exactly once either way: in the transaction that opens the
 * session (or issues the ticket) when the login succeeds, on its own before the error is thrown when it fails
 * — one commit per successful login instead of two, and a failed attempt still cannot be replayed.
 */
export class CaLoginService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly challenges: ChallengeService,
    private readonly trust: TrustService,
    private readonly sessions: SessionService,
    private readonly catalog: CatalogService,
  ) {}

  async login(input: CaLoginInput, meta: RequestMeta): Promise<CaLoginOutcome> {
    const now = this.clock.now();
    if (meta.ip) {
      const windows = [{ ms: MINUTE, max: 30, label: "每分钟最多 30 次" }];
      await hitRateLimit(this.db, { bucket: "login:ip", subject: meta.ip, windows, now, code: "LOGIN_RATE_LIMITED" });
    }
    const challenge = await this.challenges.open(input.challengeId, "ca-login");
    try {
      return await this.verifyAndSignIn(input, meta, now, challenge);
    } catch (error) {
      // Nothing of this attempt committed, so the challenge is not spent yet: spend it now, on its own.
      throw await this.challenges.spendAfterFailure(challenge, error);
    }
  }

  private async verifyAndSignIn(
    input: CaLoginInput,
    meta: RequestMeta,
    now: Date,
    challenge: OpenChallenge,
  ): Promise<CaLoginOutcome> {
    const { result, vendorId } = await this.trust.validate(input.certificatePem, input.chainPem);
    if (!result.ok) throw new AppError(rejectionCodes[result.reason], undefined, { reason: result.reason });
    const verified = await verifySignature({
      certificate: result.leafFacts,
      data: Buffer.from(challenge.text, "utf8"),
      signature: Buffer.from(input.signature, "base64"),
      algorithm: input.signatureAlgorithm,
    });
    if (!verified) throw new AppError("SIGNATURE_INVALID");

    const actor = { kind: "anonymous" as const, id: null, ip: meta.ip };
    // Cached in memory (catalog-cache.ts); used only to keep a new certificate's category when it is known.
    const categories = await this.catalog.categoryCodes();
    return this.db.transaction().execute(async (trx) => {
      // Spent first, in the transaction that opens the session: CHALLENGE_REUSED here when another attempt
      // (in any process) spent it; on any failure the caller spends it on its own.
      await this.challenges.spend(trx, challenge);
      const certificate = await recordPresentedCertificate(trx, actor, {
        description: result.description,
        pem: input.certificatePem,
        vendorId,
        knownCategories: categories,
        now,
      });
      if (certificate.status === "revoked") throw new AppError("CERTIFICATE_REVOKED");
      // A certificate already seen comes with its token's binding (one statement); else look the token up.
      const boundUserId =
        certificate.boundUserId !== undefined
          ? certificate.boundUserId
          : ((await findTokenById(trx, certificate.token_id))?.bound_user_id ?? null);
      if (boundUserId) {
        const userId = boundUserId;
        const adminIdentity =
          certificate.holder_kind === "organization" && certificate.enterprise_id
            ? await findActiveAdmin(trx, certificate.enterprise_id)
            : undefined;
        const preferred = adminIdentity?.user_id === userId ? adminIdentity.id : null;
        const { identityId, user } = await loginSessionUser(trx, userId, preferred);
        const session = await this.sessions.create(trx, {
          subject: { kind: "user", userId, identityId, certificateId: certificate.id },
          ...meta,
        });
        await recordAudit(
          trx,
          { kind: "user", id: userId, ip: meta.ip },
          "auth.ca_login",
          { kind: "certificate", id: certificate.id },
          {},
          now,
        );
        return {
          status: "logged_in",
          user,
          sessionToken: session.token,
        };
      }
      const ticket = newSecretToken();
      await insertBindingTicket(trx, {
        id: newId(),
        token_hash: sha256Hex(ticket),
        certificate_id: certificate.id,
        created_at: now.toISOString(),
        expires_at: isoAfter(now, BINDING_TICKET_TTL_MS),
        used_at: null,
      });
      const d = result.description;
      return {
        status: "binding_required",
        bindingTicket: ticket,
        certificate: {
          holderKind: certificate.holder_kind,
          holderName: d.holderName,
          enterpriseName: d.enterpriseName,
          uscc: d.uscc,
          category: certificate.category_code,
          vendor: vendorId ? ((await findVendorById(trx, vendorId))?.code ?? null) : null,
          notAfter: d.notAfter.toISOString(),
          knownFromRegistry: certificate.knownFromRegistry,
        },
      };
    });
  }
}
