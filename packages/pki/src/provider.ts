/**
 * The one place @peculiar/x509 is loaded. It needs the reflect-metadata polyfill before it evaluates and a
 * WebCrypto provider before it signs; every module of this package imports `x509` from here (never from
 * "@peculiar/x509" directly) so that order holds whichever entry point (index, testing) is loaded first.
 */
import "reflect-metadata";
import * as x509 from "@peculiar/x509";

x509.cryptoProvider.set(globalThis.crypto);

export { x509 };
