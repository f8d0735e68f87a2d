import { anyone } from "../policy/rules";

export const authPolicy = {
  "auth.login": anyone,
  // Anyone may ask; without a user session the answer is "no one" ({ user: null }), not an error.
  "session.read": anyone,
  "session.logout": anyone,
  "console.login": anyone,
  // Like session.read: the console login page asks on every load, and "no one" is an answer, not an error.
  "console.session": anyone,
  "console.logout": anyone,
} as const;
