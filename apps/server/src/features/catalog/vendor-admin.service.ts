import type { ConsoleVendor, VendorCreate, VendorUpdate } from "@lnca/contracts";
import type { UnitOfWork } from "../../db/unit-of-work";
import { AppError } from "../../shared/app-error";
import type { Clock } from "../../shared/clock";
import { newId } from "../../shared/ids";
import { recordAudit } from "../audit/audit";
import type { Actor } from "../policy/actor";
import { findVendorByCode, insertVendor, listVendorSettings, updateVendorSettings } from "./catalog.queries";
import { catalogChanged } from "./catalog-cache";

declare module "../audit/audit" {
  interface AuditActions {
    "catalog.vendor_saved": { code: string; name: string; adapter: string; estUrl: string | null };
  }
}

/**
 * The console's view of vendors: how each one's certificates are renewed (the CA adapter and, for EST, the
 * vendor's EST URL). The adapter itself is picked at use, per vendor, by the composition root (caAdapterFor).
 */
export class VendorAdminService {
  constructor(
    private readonly database: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<ConsoleVendor[]> {
    return (await listVendorSettings(this.database.db)).map((row) => ({
      code: row.code,
      name: row.name,
      adapter: row.adapter,
      estUrl: row.est_url,
    }));
  }

  async create(actor: Actor, input: VendorCreate): Promise<ConsoleVendor> {
    const now = this.clock.now().toISOString();
    const vendor = { code: input.code, ...settingsOf(input) };
    await this.database.transaction(async (trx) => {
      if (await findVendorByCode(trx, input.code)) throw new AppError("VENDOR_CODE_TAKEN");
      const id = newId();
      await insertVendor(trx, {
        id,
        code: input.code,
        name: vendor.name,
        adapter: vendor.adapter,
        est_url: vendor.estUrl,
        created_at: now,
        updated_at: now,
      });
      await recordAudit(trx, actor, "catalog.vendor_saved", { kind: "vendor", id }, vendor);
    });
    catalogChanged(this.database.db);
    return vendor;
  }

  async update(actor: Actor, code: string, input: VendorUpdate): Promise<ConsoleVendor> {
    const vendor = { code, ...settingsOf(input) };
    await this.database.transaction(async (trx) => {
      const row = await findVendorByCode(trx, code);
      if (!row) throw new AppError("VENDOR_NOT_FOUND");
      await updateVendorSettings(trx, row.id, {
        name: vendor.name,
        adapter: vendor.adapter,
        est_url: vendor.estUrl,
        updated_at: this.clock.now().toISOString(),
      });
      await recordAudit(trx, actor, "catalog.vendor_saved", { kind: "vendor", id: row.id }, vendor);
    });
    catalogChanged(this.database.db);
    return vendor;
  }
}

/** The EST URL is kept only for `est` vendors, without a trailing slash (operations are appended to it). */
function settingsOf(input: VendorUpdate): Omit<ConsoleVendor, "code"> {
  return {
    name: input.name,
    adapter: input.adapter,
    estUrl: input.adapter === "est" && input.estUrl ? input.estUrl.replace(/\/+$/, "") : null,
  };
}
