/**
 * `npm run demo:licences`: (re)generates the licence pictures of the demo's enterprises
 * (apps/server/src/seed/assets) from their fields, with the corpus generator the recognition tests use.
 * Needs the CJK fonts of `npm run setup:system`.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { generateLicence } from "@lnca/licence-corpus";
import { demoEnterpriseInformation } from "../apps/server/src/seed/demo-enterprises";

const dir = path.resolve(import.meta.dirname, "../apps/server/src/seed/assets");
for (const e of demoEnterpriseInformation) {
  const { bytes, mime } = generateLicence({
    seed: e.licence.seed,
    kind: "clean",
    fields: {
      name: e.basic.name,
      uscc: e.basic.uscc,
      legalRepresentative: e.basic.legalRepresentative,
      address: e.basic.address,
      registeredCapital: e.licence.registeredCapital,
      companyType: e.licence.companyType,
      establishedOn: e.licence.establishedOn,
    },
  });
  const file = path.join(dir, `licence-${e.slug}.${mime === "image/png" ? "png" : "jpg"}`);
  writeFileSync(file, bytes);
  console.info(`${file} (${Math.round(bytes.length / 1024)} KB)`);
}
