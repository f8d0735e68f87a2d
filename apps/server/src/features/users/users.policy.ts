import { isUser } from "../policy/predicates";
import { type ResourceRule, reviewer, signedInUser } from "../policy/rules";

/** A person's own profile (个人信息): the person it describes, in whatever identity they speak. */
export interface ProfileResource {
  userId: string;
}

export const usersPolicy = {
  "profile.read": {
    route: signedInUser,
    resource: (actor, p) => isUser(actor, p.userId),
  } satisfies ResourceRule<ProfileResource>,
  "profile.update": {
    route: signedInUser,
    resource: (actor, p) => isUser(actor, p.userId),
  } satisfies ResourceRule<ProfileResource>,
  /** ID-card scans are sensitive personal information: among the staff only the reviewers, who check them. */
  "console.id_scan.read": reviewer,
} as const;
