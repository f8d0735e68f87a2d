import { isUser } from "../policy/predicates";
import { type ResourceRule, signedInUser } from "../policy/rules";

/** A key update (and the paid item it executes) as its permissions see it: whose key holds the certificate. */
export interface KeyUpdateResource {
  /** The account the old certificate's key is bound to (null: unbound). */
  holderUserId: string | null;
}

const holderOnly = {
  route: signedInUser,
  resource: (actor, keyUpdate) => isUser(actor, keyUpdate.holderUserId),
} satisfies ResourceRule<KeyUpdateResource>;

/**
 * 【更新数字证书】 (J6): only the person whose key holds the paid certificate updates it, in whatever identity
 * they speak — the administrator who paid does not (the guide: each holder logs in with their own account).
 */
export const keyUpdatesPolicy = {
  "key_update.open": holderOnly,
  "key_update.read": holderOnly,
  "key_update.step": holderOnly,
} as const;
