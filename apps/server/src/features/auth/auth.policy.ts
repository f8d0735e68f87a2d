import { anyone, anyStaff } from "../policy/rules";

export const authPolicy = {
  "auth.login": anyone,
  // Anyone may ask; without a user session the answer is "no one" ({ user: null }), not an error.
  "session.read": anyone,
  "session.logout": anyone,
  "console.login": anyone,
  "console.session": anyStaff,
  "console.logout": anyone,
} as const;
