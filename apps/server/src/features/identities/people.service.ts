import { type AdminApplication, type EnterprisePerson, maskMobile } from "@lnca/contracts";
import type { UnitOfWork } from "../../db/unit-of-work";
import {
  listEnterpriseCertificatesOfUsers,
  listOpenIdentitiesInEnterprise,
  pageEnterprisePeople,
  pagePendingAdminApplications,
} from "./identities.queries";

/** Who holds identities: 人员管理 for an enterprise's administrator, the operator's administrator applications. */
export class PeopleDirectory {
  constructor(private readonly database: UnitOfWork) {}

  /** One page of the enterprise's people, each with their identities there and the certificates naming it. */
  async enterprisePeople(
    enterpriseId: string,
    page: number,
    pageSize: number,
  ): Promise<{ items: EnterprisePerson[]; total: number }> {
    const db = this.database.db;
    const { people, total } = await pageEnterprisePeople(db, enterpriseId, page, pageSize);
    const userIds = people.map((p) => p.id);
    const [identities, certificates] = await Promise.all([
      listOpenIdentitiesInEnterprise(db, enterpriseId, userIds),
      listEnterpriseCertificatesOfUsers(db, enterpriseId, userIds),
    ]);
    return {
      total,
      items: people.map((person) => ({
        userId: person.id,
        name: person.name,
        mobileMasked: maskMobile(person.mobile),
        identities: identities
          .filter((i) => i.user_id === person.id)
          .map((i) => ({ id: i.id, role: i.role, status: i.status as "pending" | "active", appliedAt: i.created_at })),
        certificates: certificates
          .filter((c) => c.user_id === person.id)
          .map((c) => ({
            id: c.id,
            serialNumber: c.serial_number,
            holderName: c.holder_name,
            category: c.category_code,
            tokenLabel: c.token_label,
            notAfter: c.not_after,
            status: c.status,
          })),
      })),
    };
  }

  async adminApplications(page: number, pageSize: number): Promise<{ items: AdminApplication[]; total: number }> {
    const { items, total } = await pagePendingAdminApplications(this.database.db, page, pageSize);
    return {
      total,
      items: items.map((a) => ({
        identityId: a.id,
        enterpriseId: a.enterprise_id as string,
        enterpriseName: a.enterprise_name,
        uscc: a.uscc,
        applicantName: a.applicant_name,
        mobileMasked: maskMobile(a.mobile),
        appliedAt: a.created_at,
      })),
    };
  }
}
