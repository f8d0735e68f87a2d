/**
 * Local Network Access: whether the browser lets this page reach the keybridge on 127.0.0.1. Chrome 142+ and
 * Edge 143+ ask the user for the `loopback-network` permission (Chrome 142 called it `local-network-access`);
 * other browsers do not know it ("unsupported": a failed request then means the bridge is not running).
 */
export type LoopbackAccess = "granted" | "prompt" | "denied" | "unsupported";

const PERMISSION_NAMES = ["loopback-network", "local-network-access"];

export async function loopbackAccess(
  permissions: Pick<Permissions, "query"> | undefined = globalThis.navigator?.permissions,
): Promise<LoopbackAccess> {
  if (!permissions) return "unsupported";
  for (const name of PERMISSION_NAMES) {
    try {
      const status = await permissions.query({ name } as unknown as PermissionDescriptor);
      return status.state;
    } catch {
      // This browser does not know the name: try the older one, or none.
    }
  }
  return "unsupported";
}

/** What the page tells the user when the bridge does not answer. */
export type BridgeTrouble = "not_running" | "permission_denied";

/**
 * A bridge that does not answer is "not installed / not running" unless the browser denied this site the
 * permission (the user must allow it in the site settings). "prompt" tells nothing: it is also the state of a
 * page that needs no permission (served from this PC), and a browser that asks shows its own prompt.
 */
export function bridgeTrouble(access: LoopbackAccess): BridgeTrouble {
  return access === "denied" ? "permission_denied" : "not_running";
}
