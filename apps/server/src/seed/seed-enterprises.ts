import { readFileSync } from "node:fs";
import path from "node:path";
import type { AppContext } from "../app/context";
import { ensureEnterprise } from "../features/enterprises/enterprises.service";
import { renderSealCollectionForm } from "../features/enterprises/seal-form/seal-collection-form";
import { grantIdentity } from "../features/identities/identities.service";
import { type Actor, systemActor } from "../features/policy/actor";
import { createUser } from "../features/users/accounts.service";
import { type DemoEnterpriseInformation, demoEnterpriseInformation } from "./demo-enterprises";
import { DEMO_STAFF } from "./demo-people";
import { decideEnterpriseRevision, submitEnterpriseInformation } from "./enterprise-information";
import { findAdminIdentity, findStaffIdByUsername } from "./seed-enterprises.queries";
import { DEMO_ID_SCAN_PNG } from "./seed-people";

const assets = path.join(import.meta.dirname, "assets");

/**
 * Fills in the demo enterprises' information as their administrators would (three steps, attachments, the
 * licence read and compared, 提交审核) and has the demo reviewer decide two of them: 演示测试企业 审核通过, one
 * 审核不通过 with an opinion, one left 待审核 in the queue. Runs after the demo people (王演示 administers 演示测试企业).
 */
export async function seedDemoEnterpriseInformation(ctx: AppContext): Promise<void> {
  const reviewerName = DEMO_STAFF.find((s) => s.role === "reviewer")?.username ?? "reviewer";
  const reviewer = await findStaffIdByUsername(ctx.database.db, reviewerName);
  for (const demo of demoEnterpriseInformation) {
    const { enterpriseId, admin } = await administratorOf(ctx, demo);
    const revisionId = await submitEnterpriseInformation(
      ctx,
      admin,
      enterpriseId,
      {
        basic: demo.basic,
        invoicing: demo.invoicing,
        attachments: {
          legalRepresentativeIdBack: { bytes: DEMO_ID_SCAN_PNG, fileName: "法定代表人身份证国徽面.png" },
          legalRepresentativeIdFront: { bytes: DEMO_ID_SCAN_PNG, fileName: "法定代表人身份证人像面.png" },
          businessLicence: {
            bytes: readFileSync(path.join(assets, `licence-${demo.slug}.jpg`)),
            fileName: "营业执照副本.jpg",
          },
          bankAccountLicence: { bytes: DEMO_ID_SCAN_PNG, fileName: "开户许可证.png" },
          sealForm: {
            bytes: Buffer.from(
              await renderSealCollectionForm({
                enterpriseName: demo.basic.name,
                uscc: demo.basic.uscc,
                legalRepresentative: demo.basic.legalRepresentative,
                address: demo.basic.address,
                legalRepresentativeMobile: demo.basic.legalRepresentativeMobile,
                generatedAt: ctx.clock.now(),
              }),
            ),
            fileName: "电子签章印模采集表.pdf",
          },
        },
      },
      { recognise: true },
    );
    if (demo.decision) {
      await decideEnterpriseRevision(
        ctx,
        { kind: "staff", staffId: reviewer.id, role: "reviewer" },
        revisionId,
        demo.decision,
      );
    }
  }
}

/** The enterprise and its administrator speaking as such: 王演示 for 演示测试企业, else a new account. */
async function administratorOf(
  ctx: AppContext,
  demo: DemoEnterpriseInformation,
): Promise<{ enterpriseId: string; admin: Actor }> {
  const now = ctx.clock.now();
  return ctx.database.transaction(async (trx) => {
    const enterpriseId = await ensureEnterprise(trx, systemActor, {
      uscc: demo.basic.uscc,
      name: demo.basic.name,
      now,
    });
    let userId: string;
    let identityId: string;
    if (demo.admin) {
      userId = await createUser(trx, systemActor, {
        mobile: demo.admin.mobile,
        name: demo.admin.name,
        idNumber: ctx.vault.protectIdNumber(demo.admin.idNumber),
        via: "demo_seed",
        now,
      });
      identityId = await grantIdentity(trx, systemActor, {
        userId,
        enterpriseId,
        role: "admin",
        status: "active",
        now,
      });
    } else {
      const identity = await findAdminIdentity(trx, enterpriseId);
      userId = identity.user_id;
      identityId = identity.id;
    }
    return { enterpriseId, admin: { kind: "user", userId, identity: { id: identityId, role: "admin", enterpriseId } } };
  });
}
