/**
 * Prints what a SoftHSM2 token holds, as JSON on stdout: its private keys' ids and its certificates (id, PEM,
 * whether a CA's). The browser test looks at the token behind the keybridge's back, as a tester with a
 * PKCS#11 tool would. Its own process (`tsx e2e/support/inspect-token.ts`): SoftHSM2 reads SOFTHSM2_CONF once
 * per process. Environment: SOFTHSM2_CONF, E2E_MODULE, E2E_TOKEN_SERIAL.
 */
import { X509Certificate } from "node:crypto";
import * as graphene from "graphene-pk11";
import { withSoftHsmSession } from "../../apps/keybridge/src/testing/softhsm";
import { PIN } from "./people";

export interface TokenContents {
  privateKeyIds: string[];
  certificates: { id: string; pem: string; ca: boolean }[];
}

const [modulePath, serial] = [process.env.E2E_MODULE, process.env.E2E_TOKEN_SERIAL];
if (!modulePath || !serial) throw new Error("inspect-token: E2E_MODULE and E2E_TOKEN_SERIAL must be set");

const contents = withSoftHsmSession(modulePath, serial, PIN, (session): TokenContents => {
  const ids = (objects: graphene.SessionObjectCollection) =>
    Array.from({ length: objects.length }, (_, i) => objects.items(i));
  return {
    privateKeyIds: ids(session.find({ class: graphene.ObjectClass.PRIVATE_KEY })).map((key) =>
      key.getAttribute("id").toString("hex"),
    ),
    certificates: ids(session.find({ class: graphene.ObjectClass.CERTIFICATE })).map((object) => {
      const certificate = new X509Certificate(object.getAttribute("value"));
      return { id: object.getAttribute("id").toString("hex"), pem: certificate.toString(), ca: certificate.ca };
    }),
  };
});
process.stdout.write(JSON.stringify(contents));
