/**
 * Crash safety of the key update (J6, acceptance 2): the update is broken off at each point — before the CSR,
 * after the CSR, after issuance, after the import, before the old key's deletion — by each failure the user
 * meets — the browser closed, the keybridge killed, the server restarted, the key pulled out, a wrong PIN —
 * and then resumed as the page does it (from the server's status). Every case ends with exactly one issued
 * certificate, the item and its order completed, the one payment, and a key that was usable throughout.
 */
import type { KeyUpdate } from "@lnca/contracts";
import type { MockInstance } from "vitest";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ApiClient } from "../../../test/support/api-client";
import { buildPaidRenewal } from "../../../test/support/factories";
import { KeybridgeRefusal, SoftKeybridge } from "../../../test/support/soft-keybridge";
import { createTestApp, type TestApp, type TestAppWithDatabase } from "../../../test/support/test-app";

const POINTS = [
  "before the CSR",
  "after the CSR",
  "after issuance",
  "after the import",
  "before the old key's deletion",
] as const;
const FAILURES = ["browser closed", "keybridge killed", "server restarted", "key pulled", "wrong PIN"] as const;
type Point = (typeof POINTS)[number];
type Failure = (typeof FAILURES)[number];

let t: TestAppWithDatabase;
const restarted: TestApp[] = [];
/** Every CA issuance, on the first server and on every restarted one. */
const issuances: MockInstance[] = [];
beforeAll(async () => {
  t = await createTestApp({ withCatalog: true });
  issuances.push(vi.spyOn(t.ctx.ca, "download"));
});
afterAll(async () => {
  for (const app of restarted) await app.close();
  await t?.close();
});

/** The page: what it asks the server and the keybridge, and what the browser keeps (localStorage). */
class Page {
  constructor(
    public client: ApiClient,
    readonly bridge: SoftKeybridge,
    /** localStorage: a confirmed update whose old key is still to be deleted survives the browser's closing. */
    readonly storage = new Map<string, string>(),
  ) {}

  async call(method: "GET" | "POST", url: string, body?: unknown): Promise<KeyUpdate> {
    const response = method === "GET" ? await this.client.get(url) : await this.client.post(url, body);
    if (response.statusCode !== 200) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.json();
  }

  /** Runs the update, or resumes it from the server's status, up to `stop` (the point it breaks off). */
  async run(itemId: string, stop?: Point): Promise<void> {
    const remembered = this.storage.get("retire");
    let update = remembered
      ? await this.call("GET", `/api/v1/key-updates/${remembered}`)
      : await this.call("POST", "/api/v1/key-updates", { renewalItemId: itemId });
    if (stop === "before the CSR") return;
    if (update.status === "renewal_requested") {
      const request = await this.bridge.renewalRequest(update);
      if (stop === "after the CSR") return;
      update = await this.call("POST", `/api/v1/key-updates/${update.id}/csr`, request);
      // The answer is lost on its way back: the page never saw the certificate.
      if (stop === "after issuance") return;
    }
    if (update.status === "issued" && update.newCertificate) {
      await this.bridge.importCertificate(update.id, update.newCertificate.certificatePem);
      if (stop === "after the import") return;
      update = await this.call("POST", `/api/v1/key-updates/${update.id}/written`);
    }
    if (update.status === "written") {
      update = await this.call("POST", `/api/v1/key-updates/${update.id}/confirm`);
      this.storage.set("retire", update.id);
    }
    if (stop === "before the old key's deletion") return;
    expect(update.status).toBe("confirmed");
    this.bridge.retire(update.id);
    this.storage.delete("retire");
  }
}

async function breakOff(page: Page, failure: Failure): Promise<Page> {
  switch (failure) {
    case "browser closed":
      // A new page with the same session cookie; only localStorage survives.
      return new Page(cloneClient(page.client, page.client.app), page.bridge, page.storage);
    case "server restarted": {
      const server = await createTestApp({ database: t.database });
      restarted.push(server);
      issuances.push(vi.spyOn(server.ctx.ca, "download"));
      page.client = cloneClient(page.client, server.app);
      return page;
    }
    case "keybridge killed":
      // The bridge process dies; what it made on the key (the new key pair) stays on the key.
      return page;
    case "key pulled":
      page.bridge.refuseNext = "KEY_NOT_FOUND";
      return page;
    case "wrong PIN":
      page.bridge.refuseNext = "PIN_INCORRECT";
      return page;
  }
}

function cloneClient(client: ApiClient, app: ApiClient["app"]): ApiClient {
  const copy = new ApiClient(app, client.ip);
  for (const [name, value] of client.cookies) copy.cookies.set(name, value);
  return copy;
}

const issuedSoFar = () => issuances.reduce((sum, spy) => sum + spy.mock.calls.length, 0);

describe("key update: broken off anywhere, resumed, issued once", () => {
  for (const point of POINTS) {
    for (const failure of FAILURES) {
      it(`${failure}, ${point}`, async () => {
        const renewal = await buildPaidRenewal(t);
        const before = issuedSoFar();
        let page = new Page(renewal.holder, new SoftKeybridge(renewal.key));

        await page.run(renewal.itemId, point);
        page = await breakOff(page, failure);
        expect(page.bridge.usable()).toBe(true);

        if (failure === "key pulled" || failure === "wrong PIN") {
          // The first try after the break meets the refusal at the keybridge; nothing moves.
          await expect(page.run(renewal.itemId)).rejects.toBeInstanceOf(KeybridgeRefusal);
          expect(page.bridge.usable()).toBe(true);
        }
        await page.run(renewal.itemId);

        const db = t.ctx.database.db;
        expect(issuedSoFar() - before).toBe(1);
        const renewed = await db
          .selectFrom("certificates")
          .select(["id", "certificate_pem", "status"])
          .where("previous_certificate_id", "=", renewal.key.certificate.id)
          .execute();
        expect(renewed).toHaveLength(1);
        expect(renewed[0]?.status).toBe("active");
        const old = await db
          .selectFrom("certificates")
          .select("status")
          .where("id", "=", renewal.key.certificate.id)
          .executeTakeFirstOrThrow();
        expect(old.status).toBe("superseded");
        const item = await db
          .selectFrom("renewal_items")
          .select("status")
          .where("id", "=", renewal.itemId)
          .executeTakeFirstOrThrow();
        expect(item.status).toBe("completed");
        const order = await db
          .selectFrom("renewal_orders")
          .select("status")
          .where("id", "=", renewal.orderId)
          .executeTakeFirstOrThrow();
        expect(order.status).toBe("completed");
        const payments = await db
          .selectFrom("payments")
          .select("status")
          .where("order_id", "=", renewal.orderId)
          .execute();
        expect(payments.map((p) => p.status)).toEqual(["paid"]);
        // The key ends with the renewed certificate only, next to the one new key made for it.
        expect(page.bridge.certificates).toEqual([renewed[0]?.certificate_pem]);
        expect(page.bridge.generated).toBe(1);
        expect(page.bridge.usable()).toBe(true);
      });
    }
  }
});
