import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_ALLOWED_ORIGINS, parseKeybridgeArgs } from "./cli";

describe("keybridge command line", () => {
  it("defaults to port 28451, the local web origins and a state folder beside the soft-token file", () => {
    expect(parseKeybridgeArgs(["--backend", "softtoken", "--file", "data/k.json"], {})).toEqual({
      backend: "softtoken",
      file: resolve("data/k.json"),
      port: 28_451,
      allowedOrigins: DEFAULT_ALLOWED_ORIGINS,
      stateDir: resolve("data"),
    });
  });

  it("takes the port and origins from the environment, and flags over the environment", () => {
    const env = {
      LNCA_KEYBRIDGE_PORT: "3456",
      LNCA_KEYBRIDGE_ALLOWED_ORIGINS: "https://ca.example.cn, http://a.b:8080",
    };
    const fromEnv = parseKeybridgeArgs(["--backend", "pkcs11", "--module", "/lib/p11.so"], env);
    expect(fromEnv).toMatchObject({
      port: 3456,
      allowedOrigins: ["https://ca.example.cn", "http://a.b:8080"],
      modulePath: "/lib/p11.so",
      stateDir: join(homedir(), ".lnca-keybridge"),
    });
    const flags = ["--backend", "pkcs11", "--module", "/m.so", "--port", "0", "--allowed-origin", "https://x.cn"];
    expect(parseKeybridgeArgs([...flags, "--allowed-origin", "https://y.cn"], env)).toMatchObject({
      port: 0,
      allowedOrigins: ["https://x.cn", "https://y.cn"],
    });
  });

  it("rejects missing backends, paths, bad ports and origins with a path or slash", () => {
    expect(() => parseKeybridgeArgs([], {})).toThrow(/--backend/);
    expect(() => parseKeybridgeArgs(["--backend", "pkcs11"], {})).toThrow(/--module/);
    expect(() => parseKeybridgeArgs(["--backend", "softtoken", "--file", "f", "--port", "70000"], {})).toThrow(/port/);
    expect(() =>
      parseKeybridgeArgs(["--backend", "softtoken", "--file", "f", "--allowed-origin", "https://x.cn/"], {}),
    ).toThrow(/origin/);
  });
});
