import type { Actor } from "./actor";

/** A route-level rule: decided on the actor alone, before the handler (and before the body is read). */
export type Rule = (actor: Actor) => boolean;

/**
 * A rule on a resource: `route` is checked before the handler (e.g. "signed in"); the handler loads the
 * resource and asks `can(actor, action, resource)`, which checks both.
 */
export interface ResourceRule<R> {
  route: Rule;
  resource: (actor: Actor, resource: R) => boolean;
}

export const anyone: Rule = () => true;
export const signedInUser: Rule = (a) => a.kind === "user";
export const anyStaff: Rule = (a) => a.kind === "staff";
export const operator: Rule = (a) => a.kind === "staff" && a.role === "operator";
export const reviewer: Rule = (a) => a.kind === "staff" && a.role === "reviewer";
