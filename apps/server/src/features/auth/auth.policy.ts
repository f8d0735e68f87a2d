import { anyone, anyStaff, signedInUser } from "../policy/rules";

export const authPolicy = {
  "auth.login": anyone,
  "session.read": signedInUser,
  "session.logout": anyone,
  "console.login": anyone,
  "console.session": anyStaff,
  "console.logout": anyone,
} as const;
