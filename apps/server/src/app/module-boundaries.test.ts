/** A feature reads another feature's data through that feature's service, never through its queries. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const featuresDir = path.join(import.meta.dirname, "../features");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

/** Imports of a `*.queries` module outside the importing file's own feature folder. */
function foreignQueryImports(file: string, text: string): string[] {
  const feature = path.relative(featuresDir, file).split(path.sep)[0];
  return [...text.matchAll(/from "([^"]+\.queries)"/g)]
    .map((m) => m[1] as string)
    .filter((spec) => {
      const target = path.relative(featuresDir, path.resolve(path.dirname(file), spec));
      return target.split(path.sep)[0] !== feature;
    });
}

describe("module boundaries", () => {
  it("no feature imports another feature's queries", () => {
    const offenders = sourceFiles(featuresDir).flatMap((file) =>
      foreignQueryImports(file, readFileSync(file, "utf8")).map(
        (spec) => `${path.relative(featuresDir, file)} → ${spec}`,
      ),
    );
    expect(offenders).toEqual([]);
  });

  it("the scan sees such an import", () => {
    const file = path.join(featuresDir, "auth/x.service.ts");
    expect(foreignQueryImports(file, 'import { a } from "../users/users.queries";')).toEqual([
      "../users/users.queries",
    ]);
    expect(foreignQueryImports(file, 'import { a } from "./sessions.queries";')).toEqual([]);
  });
});
