import { describe, expect, it } from "vitest";
import { bridgeTrouble, loopbackAccess } from "./loopback-permission";

/** A Permissions API that knows only the given names, each in the given state. */
function permissionsKnowing(states: Record<string, PermissionState>): Pick<Permissions, "query"> {
  return {
    query: async (descriptor: PermissionDescriptor) => {
      const state = states[descriptor.name as string];
      if (!state) throw new TypeError(`unknown permission ${descriptor.name}`);
      return { state } as PermissionStatus;
    },
  };
}

describe("Local Network Access: why the keybridge does not answer", () => {
  it("reads the loopback-network permission (Chrome 143+, Edge)", async () => {
    expect(await loopbackAccess(permissionsKnowing({ "loopback-network": "denied" }))).toBe("denied");
    expect(await loopbackAccess(permissionsKnowing({ "loopback-network": "granted" }))).toBe("granted");
  });

  it("falls back to Chrome 142's local-network-access name", async () => {
    expect(await loopbackAccess(permissionsKnowing({ "local-network-access": "prompt" }))).toBe("prompt");
  });

  it("is unsupported where the browser knows neither name, or has no Permissions API", async () => {
    expect(await loopbackAccess(permissionsKnowing({}))).toBe("unsupported");
    expect(await loopbackAccess(undefined)).toBe("unsupported");
  });

  it("tells a denied permission apart from a bridge that is not running; a pending one tells nothing", () => {
    expect(bridgeTrouble("denied")).toBe("permission_denied");
    expect(bridgeTrouble("prompt")).toBe("not_running");
    expect(bridgeTrouble("granted")).toBe("not_running");
    expect(bridgeTrouble("unsupported")).toBe("not_running");
  });
});
