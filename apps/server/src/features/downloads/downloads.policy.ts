import { anyStaff } from "../policy/rules";

/** The public list and files need no rule (`public`); the console's view with build details is for any staff. */
export const downloadsPolicy = {
  "console.downloads.read": anyStaff,
} as const;
