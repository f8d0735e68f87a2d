import type { CaLoginResponse, ErrorCode, SignatureAlgorithm } from "@lnca/contracts";
import { type ValidationFailureReason, verifySignature } from "@lnca/pki";
import type { DbOrTx } from "../../db/database";
import { GROUP_COMMIT, type UnitOfWork } from "../../db/unit-of-work";
import { AppError } from "../../shared/app-error";
import type { Clock } from "../../shared/clock";
import { isoAfter } from "../../shared/clock";
import { newId, newSecretToken, sha256Hex } from "../../shared/ids";
import { hitRateLimit, MINUTE } from "../../shared/rate-limit";
import { recordAudit } from "../audit/audit";
import { type CatalogService, vendorCodeOf } from "../catalog/catalog.service";
import { recordPresentedCertificate } from "../certificates/certificates.service";
import type { TrustService } from "../certificates/trust.service";
import type { Actor } from "../policy/actor";
import { startSessionUser } from "../users/session-user";
import { insertBindingTicket } from "./binding-tickets.queries";
import { type BoundLoginSubjectRow, findBoundLoginSubject } from "./ca-login.queries";
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

export interface CaLoginDeps {
  database: UnitOfWork;
  clock: Clock;
  challenges: ChallengeService;
  trust: TrustService;
  sessions: SessionService;
  catalog: CatalogService;
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
  private readonly database: UnitOfWork;
  private readonly clock: Clock;
  private readonly challenges: ChallengeService;
  private readonly trust: TrustService;
  private readonly sessions: SessionService;
  private readonly catalog: CatalogService;

  constructor(deps: CaLoginDeps) {
    this.database = deps.database;
    this.clock = deps.clock;
    this.challenges = deps.challenges;
    this.trust = deps.trust;
    this.sessions = deps.sessions;
    this.catalog = deps.catalog;
  }

  async login(input: CaLoginInput, meta: RequestMeta): Promise<CaLoginOutcome> {
    const now = this.clock.now();
    if (meta.ip) {
      const windows = [{ ms: MINUTE, max: 30, label: "每分钟最多 30 次" }];
      // Committed on its own, failed login or not; with concurrent logins' in one COMMIT on SQLite.
      await this.database.transaction(
        (trx) =>
          hitRateLimit(trx, {
            bucket: "login:ip",
            subject: meta.ip as string,
            windows,
            now,
            code: "LOGIN_RATE_LIMITED",
          }),
        GROUP_COMMIT,
      );
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

    const actor: Actor = { kind: "anonymous", ip: meta.ip };
    const fingerprint = result.description.fingerprintSha256;
    // Cached in memory (catalog-cache.ts); used only to keep a new certificate's category when it is known.
    const categories = await this.catalog.categoryCodes();
    // The login's transaction may share its COMMIT with concurrent logins (db/group-commit.ts).
    return this.database.transaction(async (trx) => {
      // Spent first, in the transaction that opens the session: CHALLENGE_REUSED here when another attempt
      // (in any process) spent it; on any failure the caller spends it on its own.
      await this.challenges.spend(trx, challenge);
      // A returning user's key: one statement. Else record the certificate (first seen, or from the registry).
      let subject = await findBoundLoginSubject(trx, fingerprint);
      if (subject.length > 0) return this.signIn(trx, subject, meta, now);
      const certificate = await recordPresentedCertificate(trx, actor, {
        description: result.description,
        pem: input.certificatePem,
        vendorId,
        knownCategories: categories,
        now,
      });
      if (certificate.status === "revoked") throw new AppError("CERTIFICATE_REVOKED");
      if (certificate.boundUserId) {
        // Bound by another process between the two reads (PostgreSQL reads each statement afresh).
        subject = await findBoundLoginSubject(trx, fingerprint);
        return this.signIn(trx, subject, meta, now);
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
          vendor: vendorId ? await vendorCodeOf(trx, vendorId) : null,
          notAfter: d.notAfter.toISOString(),
          knownFromRegistry: certificate.knownFromRegistry,
        },
      };
    }, GROUP_COMMIT);
  }

  /** Opens the session of the person a key is bound to, in the identity the key speaks for when it has one. */
  private async signIn(
    trx: DbOrTx,
    subject: BoundLoginSubjectRow[],
    meta: RequestMeta,
    now: Date,
  ): Promise<CaLoginOutcome> {
    const first = subject[0];
    if (!first) throw new AppError("UNAUTHENTICATED");
    if (first.certificate_status === "revoked") throw new AppError("CERTIFICATE_REVOKED");
    const identities = subject.flatMap((row) =>
      row.identity_id && row.identity_role && row.identity_status
        ? [
            {
              id: row.identity_id,
              role: row.identity_role,
              status: row.identity_status,
              enterprise_id: row.identity_enterprise_id,
              enterprise_name: row.identity_enterprise_name,
            },
          ]
        : [],
    );
    // An enterprise's main key signs its administrator in as the administrator.
    const preferred =
      first.holder_kind === "organization" && first.certificate_enterprise_id
        ? (identities.find(
            (i) => i.role === "admin" && i.status === "active" && i.enterprise_id === first.certificate_enterprise_id,
          )?.id ?? null)
        : null;
    const { identityId, user } = startSessionUser(
      {
        id: first.user_id,
        name: first.user_name,
        mobile: first.user_mobile,
        profile_completed_at: first.user_profile_completed_at,
      },
      identities,
      preferred,
    );
    const session = await this.sessions.create(trx, {
      subject: { kind: "user", userId: first.user_id, identityId, certificateId: first.certificate_id },
      ...meta,
    });
    await recordAudit(
      trx,
      { kind: "user", userId: first.user_id, ip: meta.ip },
      "auth.ca_login",
      { kind: "certificate", id: first.certificate_id },
      {},
      now,
    );
    return { status: "logged_in", user, sessionToken: session.token };
  }
}
