import { maskMobile, type SessionUser } from "@lnca/contracts";
import type { DbOrTx } from "../../db/database";
import { AppError } from "../../shared/app-error";
import { listIdentitiesOfUser } from "../identities/identities.queries";
import { findUserById } from "./users.queries";

/** What the browser is told about the signed-in person (no full mobile or ID number). */
export async function loadSessionUser(
  db: DbOrTx,
  userId: string,
  currentIdentityId: string | null,
): Promise<SessionUser> {
  const user = await findUserById(db, userId);
  if (!user) throw new AppError("UNAUTHENTICATED");
  const identities = await listIdentitiesOfUser(db, userId);
  return {
    id: user.id,
    name: user.name,
    mobileMasked: maskMobile(user.mobile),
    profileComplete: user.profile_completed_at !== null,
    identities: identities.map((i) => ({
      id: i.id,
      role: i.role,
      enterpriseId: i.enterprise_id,
      enterpriseName: i.enterprise_name ?? null,
      status: i.status,
    })),
    currentIdentityId,
  };
}

/** The identity a new session starts in: the one just used, else the first active one. */
export async function defaultIdentityId(db: DbOrTx, userId: string, preferred?: string | null): Promise<string | null> {
  const identities = await listIdentitiesOfUser(db, userId);
  const active = identities.filter((i) => i.status === "active");
  return active.find((i) => i.id === preferred)?.id ?? active[0]?.id ?? null;
}
