import type { ObjectStorage } from "../../adapters/storage/object-storage";
import type { FeatureModule, Runtime } from "../../app/feature-module";
import type { EnterpriseDirectory } from "../enterprises/enterprise-directory.service";
import { FileStore } from "../files/files.service";
import type { MailService } from "../notifications/mail.service";
import { InvoiceIssueService } from "./invoice-issue.service";
import { InvoiceRequestService } from "./invoice-requests.service";
import { invoicesRoutes } from "./invoices.routes";
import { invoicesConsoleRoutes } from "./invoices-console.routes";

export interface InvoicesServices {
  invoiceRequests: InvoiceRequestService;
  invoiceIssue: InvoiceIssueService;
}

/**
 * Invoices of renewal orders: requested at payment start (renewals/payments call `invoiceRequests.recordRequest`
 * in their transaction, and `cancelForOrder` when the order ends unpaid or is refunded), listed in 【发票管理】,
 * issued from the console and e-mailed through the mail outbox.
 */
export function invoicesModule(
  runtime: Runtime,
  deps: { storage: ObjectStorage; enterprises: EnterpriseDirectory; mail: MailService },
): FeatureModule<InvoicesServices> {
  const { database, clock, vault } = runtime;
  const files = new FileStore(deps.storage, vault);
  const invoiceRequests = new InvoiceRequestService({ database, clock, enterprises: deps.enterprises, files });
  const invoiceIssue = new InvoiceIssueService({ database, clock, files, mail: deps.mail, demo: runtime.config.demo });
  return {
    name: "invoices",
    services: { invoiceRequests, invoiceIssue },
    routes: {
      portal: invoicesRoutes({ requests: invoiceRequests }),
      console: invoicesConsoleRoutes({ issue: invoiceIssue }),
    },
  };
}
