import type { UnitOfWork } from "../../db/unit-of-work";
import type { Clock } from "../../shared/clock";
import { newId } from "../../shared/ids";
import { recordAudit } from "../audit/audit";
import type { Actor } from "../policy/actor";
import { findVendorByCode, insertCategory, insertPlatform, insertServicePoint, insertVendor } from "./catalog.queries";
import { catalogChanged } from "./catalog-cache";

export interface NewCategory {
  code: string;
  name: string;
  holderKind: "organization" | "personal";
  baseFeeFen: number;
  sortOrder?: number;
}

export interface NewPlatform {
  code: string;
  name: string;
  feeFen: number;
  sortOrder?: number;
}

/**
 * Operator changes to the catalog (and the demo seed, which goes through the same door). After each commit the
 * in-memory catalog caches of this process are dropped (catalog-cache.ts); other processes see it within the TTL.
 */
export class CatalogAdminService {
  constructor(
    private readonly database: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async createCategory(actor: Actor, input: NewCategory): Promise<void> {
    const now = this.clock.now().toISOString();
    await this.database.transaction(async (trx) => {
      await insertCategory(trx, {
        code: input.code,
        name: input.name,
        holder_kind: input.holderKind,
        base_fee_fen: input.baseFeeFen,
        sort_order: input.sortOrder ?? 0,
        created_at: now,
        updated_at: now,
      });
      await recordAudit(
        trx,
        actor,
        "catalog.category_created",
        { kind: "certificate_category", id: input.code },
        {
          ...input,
        },
      );
    });
    catalogChanged(this.database.db);
  }

  async createPlatform(actor: Actor, input: NewPlatform): Promise<string> {
    const now = this.clock.now().toISOString();
    const id = newId();
    await this.database.transaction(async (trx) => {
      await insertPlatform(trx, {
        id,
        code: input.code,
        name: input.name,
        fee_fen: input.feeFen,
        sort_order: input.sortOrder ?? 0,
        webhook_url: null,
        webhook_secret_encrypted: null,
        interop_key_hash: null,
        created_at: now,
        updated_at: now,
      });
      await recordAudit(trx, actor, "catalog.platform_created", { kind: "platform", id }, { ...input });
    });
    catalogChanged(this.database.db);
    return id;
  }

  findVendor(code: string) {
    return findVendorByCode(this.database.db, code);
  }

  async createVendor(actor: Actor, input: { code: string; name: string }): Promise<string> {
    const now = this.clock.now().toISOString();
    const id = newId();
    await this.database.transaction(async (trx) => {
      await insertVendor(trx, { id, ...input, est_url: null, created_at: now, updated_at: now });
      await recordAudit(trx, actor, "catalog.vendor_created", { kind: "vendor", id }, input);
    });
    catalogChanged(this.database.db);
    return id;
  }

  async createServicePoint(actor: Actor, input: { code: string; name: string; city: string }): Promise<void> {
    const now = this.clock.now().toISOString();
    const id = newId();
    await this.database.transaction(async (trx) => {
      await insertServicePoint(trx, { id, ...input, address: null, phone: null, created_at: now, updated_at: now });
      await recordAudit(trx, actor, "catalog.service_point_created", { kind: "service_point", id }, input);
    });
    catalogChanged(this.database.db);
  }
}
