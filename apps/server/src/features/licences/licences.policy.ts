import { signedInUser } from "../policy/rules";

/** Reading a licence answers only what the picture says: any signed-in portal user may ask (rate-limited). */
export const licencesPolicy = {
  "licence.recognise": signedInUser,
} as const;
