import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(import.meta.dirname, "..");
const FEATURES = path.join(SRC, "features");
const ADAPTERS = path.join(SRC, "adapters");

/** The adapter files features may import: the interfaces. Everything else in adapters/ is a concrete adapter. */
const ADAPTER_INTERFACES = new Set(
  [
    "ca/ca-adapter.ts",
    "sms/sms.ts",
    "mail/mailer.ts",
    "storage/object-storage.ts",
    "payments/payment-provider.ts",
    "recognition/licence-recognizer.ts",
  ].map((file) => path.join(ADAPTERS, file)),
);

interface SourceFile {
  file: string;
  source: string;
}

/** Every relative import, re-export and dynamic import of a feature file, resolved to the file it names. */
function importsOf({ file, source }: SourceFile): string[] {
  return ts
    .preProcessFile(source, true, true)
    .importedFiles.map((i) => i.fileName)
    .filter((name) => name.startsWith("."))
    .map((name) => {
      const target = path.resolve(path.dirname(file), name);
      return target.endsWith(".ts") ? target : `${target}.ts`;
    });
}

const featureOf = (file: string) => path.relative(FEATURES, file).split(path.sep)[0];

function boundaryCrossings(files: SourceFile[]): { concreteAdapters: string[]; foreignQueries: string[] } {
  const concreteAdapters: string[] = [];
  const foreignQueries: string[] = [];
  for (const source of files) {
    for (const target of importsOf(source)) {
      const edge = `${path.relative(FEATURES, source.file)} → ${path.relative(FEATURES, target)}`;
      if (target.startsWith(ADAPTERS + path.sep) && !ADAPTER_INTERFACES.has(target)) {
        concreteAdapters.push(`${path.relative(FEATURES, source.file)} → ${path.relative(SRC, target)}`);
      } else if (
        target.startsWith(FEATURES + path.sep) &&
        target.endsWith(".queries.ts") &&
        featureOf(target) !== featureOf(source.file)
      ) {
        foreignQueries.push(edge);
      }
    }
  }
  return { concreteAdapters, foreignQueries };
}

/** The feature files that ship: tests may reach into adapters and other features to arrange their data. */
function featureSources(): SourceFile[] {
  return readdirSync(FEATURES, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))
    .map((name) => path.join(FEATURES, name))
    .map((file) => ({ file, source: readFileSync(file, "utf8") }));
}

describe("feature import boundaries", () => {
  it("no feature imports a concrete adapter", () => {
    expect(boundaryCrossings(featureSources()).concreteAdapters).toEqual([]);
  });

  it("no feature reads another feature's queries (it calls that feature's service)", () => {
    expect(boundaryCrossings(featureSources()).foreignQueries).toEqual([]);
  });

  it("catches planted violations, however the import is written", () => {
    const planted: SourceFile = {
      file: path.join(FEATURES, "orders", "orders.service.ts"),
      source: [
        'import type { BuiltinCaAdapter } from "../../adapters/ca/builtin-ca-adapter";',
        "import {",
        "  AliyunSmsSender,",
        '} from "../../adapters/sms/aliyun-sms-sender";',
        'import type { SmsSender } from "../../adapters/sms/sms";',
        'export { findUserByMobile } from "../users/users.queries";',
        'const lazy = () => import("../catalog/catalog.queries");',
        'import { insertOrder } from "./orders.queries";',
      ].join("\n"),
    };
    expect(boundaryCrossings([planted])).toEqual({
      concreteAdapters: [
        "orders/orders.service.ts → adapters/ca/builtin-ca-adapter.ts",
        "orders/orders.service.ts → adapters/sms/aliyun-sms-sender.ts",
      ],
      foreignQueries: [
        "orders/orders.service.ts → users/users.queries.ts",
        "orders/orders.service.ts → catalog/catalog.queries.ts",
      ],
    });
  });
});
