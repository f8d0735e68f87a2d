import { describe, expect, it } from "vitest";
import { errorCatalog } from "./errors";
import { accountErrors } from "./errors/accounts";
import { caLoginErrors } from "./errors/ca-login";
import { catalogErrors } from "./errors/catalog";
import { certificateErrors } from "./errors/certificates";
import { commonErrors } from "./errors/common";
import { downloadErrors } from "./errors/downloads";
import { enterpriseErrors } from "./errors/enterprises";
import { identityErrors } from "./errors/identities";
import { interopErrors } from "./errors/interop";
import { invoiceErrors } from "./errors/invoices";
import { keyUpdateErrors } from "./errors/key-updates";
import { licenceErrors } from "./errors/licences";
import { paymentErrors } from "./errors/payments";
import { profileErrors } from "./errors/profile";
import { renewalErrors } from "./errors/renewals";

describe("error catalogue", () => {
  it("no area reuses another's code (a spread would silently replace it)", () => {
    const parts = [
      commonErrors,
      catalogErrors,
      caLoginErrors,
      accountErrors,
      certificateErrors,
      enterpriseErrors,
      identityErrors,
      profileErrors,
      licenceErrors,
      renewalErrors,
      paymentErrors,
      invoiceErrors,
      keyUpdateErrors,
      downloadErrors,
      interopErrors,
    ];
    const codes = parts.flatMap((part) => Object.keys(part));
    expect(new Set(codes).size).toBe(codes.length);
    expect(Object.keys(errorCatalog)).toEqual(codes);
  });
});
