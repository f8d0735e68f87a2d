import { maskMobile, type SessionUser } from "@lnca/contracts";
import type { DbOrTx } from "../../db/database";
import { AppError } from "../../shared/app-error";
import { listOpenIdentities } from "../identities/identities.service";
import { findUserById } from "./users.queries";

/** What a session's user is described from: the person, and each of their open identities. */
export type SessionPerson = Pick<
  NonNullable<Awaited<ReturnType<typeof findUserById>>>,
  "id" | "name" | "mobile" | "profile_completed_at"
>;
export type SessionIdentity = Pick<
  Awaited<ReturnType<typeof listOpenIdentities>>[number],
  "id" | "role" | "status" | "enterprise_id" | "enterprise_name"
>;

/** What the browser is told about the signed-in person (no full mobile or ID number). */
export async function loadSessionUser(
  db: DbOrTx,
  userId: string,
  currentIdentityId: string | null,
): Promise<SessionUser> {
  const user = await findUserById(db, userId);
  if (!user) throw new AppError("UNAUTHENTICATED");
  return describeSessionUser(user, await listOpenIdentities(db, userId), currentIdentityId);
}

/**
 * For a new session: the identity it starts in (see defaultIdentityId) and the user as the browser sees them,
 * from the person and their identities as the caller read them (a CA login reads both in one statement).
 */
export function startSessionUser(
  user: SessionPerson,
  identities: SessionIdentity[],
  preferred?: string | null,
): { identityId: string | null; user: SessionUser } {
  const identityId = pickDefaultIdentity(identities, preferred);
  return { identityId, user: describeSessionUser(user, identities, identityId) };
}

function describeSessionUser(
  user: SessionPerson,
  identities: SessionIdentity[],
  currentIdentityId: string | null,
): SessionUser {
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
  return pickDefaultIdentity(await listOpenIdentities(db, userId), preferred);
}

function pickDefaultIdentity(identities: SessionIdentity[], preferred?: string | null): string | null {
  const active = identities.filter((i) => i.status === "active");
  return active.find((i) => i.id === preferred)?.id ?? active[0]?.id ?? null;
}
