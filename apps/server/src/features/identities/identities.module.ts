import type { FeatureModule, Runtime } from "../../app/feature-module";
import type { SessionService } from "../auth/sessions.service";
import type { SmsService } from "../notifications/sms.service";
import { identitiesConsoleRoutes, identitiesRoutes } from "./identities.routes";
import { IdentityApplications } from "./identity-applications.service";
import { IdentityDecisions } from "./identity-decisions.service";
import { PeopleDirectory } from "./people.service";

export interface IdentitiesServices {
  identityApplications: IdentityApplications;
  identityDecisions: IdentityDecisions;
  people: PeopleDirectory;
}

/** Identities (J2): applying, switching, the administrator's 人员管理 and the operator's admin applications. */
export function identitiesModule(
  runtime: Runtime,
  deps: { sessions: SessionService; sms: SmsService },
): FeatureModule<IdentitiesServices> {
  const { database, clock } = runtime;
  const applications = new IdentityApplications({ database, clock, sessions: deps.sessions });
  const decisions = new IdentityDecisions({ database, clock, sms: deps.sms });
  const people = new PeopleDirectory(database);
  const routeCtx = { applications, decisions, people };
  return {
    name: "identities",
    services: { identityApplications: applications, identityDecisions: decisions, people },
    routes: { portal: identitiesRoutes(routeCtx), console: identitiesConsoleRoutes(routeCtx) },
  };
}
