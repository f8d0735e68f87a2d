import { randomBytes } from "node:crypto";
import {
  INTEROP_ROTATION_OVERLAP_HOURS,
  type InteropPlatform,
  type IssuedPlatformKey,
  type IssuedWebhookSecret,
} from "@lnca/contracts";
import type { UnitOfWork } from "../../db/unit-of-work";
import { AppError } from "../../shared/app-error";
import { type Clock, isoAfter } from "../../shared/clock";
import { sha256Hex } from "../../shared/ids";
import type { PersonalDataVault } from "../../shared/personal-data";
import { recordAudit } from "../audit/audit";
import type { Actor } from "../policy/actor";
import "./interop.audit";
import {
  findPlatform,
  findPlatformByKeyHash,
  listPlatformsWithInterop,
  updatePlatformInterop,
} from "./interop.queries";

/** Platform keys start with this, so a leaked one is recognisable (secret scanners, logs). */
export const PLATFORM_KEY_PREFIX = "lnpk_";
const KEY_HINT_LENGTH = PLATFORM_KEY_PREFIX.length + 6;
const OVERLAP_MS = INTEROP_ROTATION_OVERLAP_HOURS * 3_600_000;
/** The sealing label of both secret columns: a secret moves from current to previous as it is. */
const SECRET_LABEL = "platforms.webhook_secret";

export interface AuthenticatedPlatform {
  id: string;
  code: string;
}

/** The webhook signing columns of a platform row. */
export interface SigningColumns {
  webhook_secret_encrypted: string | null;
  webhook_previous_secret_encrypted: string | null;
  webhook_previous_secret_expires_at: string | null;
}

/**
 * Each trading platform's credentials, issued and rotated in the console: an API key for the interop API
 * (shown once, kept as its SHA-256 — 256 random bits need no slow hash) and a Standard Webhooks signing secret
 * (shown once, sealed with AES-256-GCM under SECRET_KEY). A rotation keeps the previous key valid, and signs
 * webhooks with the previous secret too, for INTEROP_ROTATION_OVERLAP_HOURS, so a platform can switch without
 * a gap; a second rotation inside the overlap ends the first key at once.
 */
export class PlatformCredentials {
  constructor(
    private readonly database: UnitOfWork,
    private readonly clock: Clock,
    private readonly vault: PersonalDataVault,
  ) {}

  async list(): Promise<InteropPlatform[]> {
    const now = this.clock.now().toISOString();
    const stillValid = (until: string | null) => (until && until > now ? until : null);
    return (await listPlatformsWithInterop(this.database.db)).map((p) => ({
      id: p.id,
      code: p.code,
      name: p.name,
      active: p.active === 1,
      keyHint: p.interop_key_hint,
      keyIssuedAt: p.interop_key_issued_at,
      previousKeyValidUntil: stillValid(p.interop_previous_key_expires_at),
      webhookUrl: p.webhook_url,
      webhookSecretIssuedAt: p.webhook_secret_issued_at,
      previousWebhookSecretValidUntil: stillValid(p.webhook_previous_secret_expires_at),
    }));
  }

  async issueKey(actor: Actor, platformId: string): Promise<IssuedPlatformKey> {
    const apiKey = `${PLATFORM_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
    const now = this.clock.now();
    return this.database.transaction(async (trx) => {
      const platform = await findPlatform(trx, platformId);
      if (!platform) throw new AppError("PLATFORM_NOT_FOUND");
      const previousKeyValidUntil = platform.interop_key_hash ? isoAfter(now, OVERLAP_MS) : null;
      await updatePlatformInterop(trx, platformId, {
        interop_key_hash: sha256Hex(apiKey),
        interop_key_hint: apiKey.slice(0, KEY_HINT_LENGTH),
        interop_key_issued_at: now.toISOString(),
        interop_previous_key_hash: platform.interop_key_hash,
        interop_previous_key_expires_at: previousKeyValidUntil,
        updated_at: now.toISOString(),
      });
      await recordAudit(
        trx,
        actor,
        "interop.key_issued",
        { kind: "platform", id: platformId },
        { platformCode: platform.code, previousKeyValidUntil },
        now,
      );
      return { apiKey, previousKeyValidUntil };
    });
  }

  async setWebhookUrl(actor: Actor, platformId: string, url: string | null): Promise<void> {
    const now = this.clock.now();
    await this.database.transaction(async (trx) => {
      const platform = await findPlatform(trx, platformId);
      if (!platform) throw new AppError("PLATFORM_NOT_FOUND");
      await updatePlatformInterop(trx, platformId, { webhook_url: url, updated_at: now.toISOString() });
      await recordAudit(
        trx,
        actor,
        "interop.webhook_url_set",
        { kind: "platform", id: platformId },
        { platformCode: platform.code, url },
        now,
      );
    });
  }

  /** A Standard Webhooks secret: `whsec_` + base64 of 32 random bytes. */
  async issueWebhookSecret(actor: Actor, platformId: string): Promise<IssuedWebhookSecret> {
    const secret = `whsec_${randomBytes(32).toString("base64")}`;
    const now = this.clock.now();
    return this.database.transaction(async (trx) => {
      const platform = await findPlatform(trx, platformId);
      if (!platform) throw new AppError("PLATFORM_NOT_FOUND");
      const previousSecretValidUntil = platform.webhook_secret_encrypted ? isoAfter(now, OVERLAP_MS) : null;
      await updatePlatformInterop(trx, platformId, {
        webhook_secret_encrypted: this.vault.sealText(secret, SECRET_LABEL),
        webhook_secret_issued_at: now.toISOString(),
        webhook_previous_secret_encrypted: platform.webhook_secret_encrypted,
        webhook_previous_secret_expires_at: previousSecretValidUntil,
        updated_at: now.toISOString(),
      });
      await recordAudit(
        trx,
        actor,
        "interop.webhook_secret_issued",
        { kind: "platform", id: platformId },
        { platformCode: platform.code, previousSecretValidUntil },
        now,
      );
      return { secret, previousSecretValidUntil };
    });
  }

  /** The calling platform, from `Authorization: Bearer <key>`; INTEROP_UNAUTHENTICATED otherwise. */
  async authenticate(authorization: string | undefined): Promise<AuthenticatedPlatform> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
    const key = match?.[1];
    if (!key?.startsWith(PLATFORM_KEY_PREFIX)) throw new AppError("INTEROP_UNAUTHENTICATED");
    const platform = await findPlatformByKeyHash(this.database.db, sha256Hex(key), this.clock.now().toISOString());
    if (!platform) throw new AppError("INTEROP_UNAUTHENTICATED");
    return platform;
  }

  /** The secrets a webhook is signed with now: the current one, and the previous one inside its overlap. */
  signingSecrets(platform: SigningColumns, now: Date): string[] {
    const sealed = [platform.webhook_secret_encrypted];
    const until = platform.webhook_previous_secret_expires_at;
    if (until && until > now.toISOString()) sealed.push(platform.webhook_previous_secret_encrypted);
    return sealed.flatMap((s) => (s ? [this.vault.openText(s, SECRET_LABEL)] : []));
  }
}
