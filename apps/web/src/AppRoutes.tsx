import { Route, Routes } from "react-router-dom";
import { CaManagementPage } from "./center/CaManagementPage";
import { CenterLayout } from "./center/CenterLayout";
import { EnterpriseEditPage } from "./center/enterprise/EnterpriseEditPage";
import { EnterpriseInfoPage } from "./center/enterprise/EnterpriseInfoPage";
import { IdentityPage } from "./center/IdentityPage";
import { InvoicesPage } from "./center/InvoicesPage";
import { OrderDetailPage } from "./center/orders/OrderDetailPage";
import { OrdersPage } from "./center/orders/OrdersPage";
import { PaymentPage } from "./center/orders/PaymentPage";
import { WechatPayPage } from "./center/orders/WechatPayPage";
import { ProfileEditPage } from "./center/ProfileEditPage";
import { ProfilePage } from "./center/ProfilePage";
import { RequireSession } from "./center/RequireSession";
import { OrderConfirmPage } from "./center/renewal/OrderConfirmPage";
import { PlatformSelectionPage } from "./center/renewal/PlatformSelectionPage";
import { StaffPage } from "./center/StaffPage";
import { AdminApplicationsPage } from "./console/AdminApplicationsPage";
import { CatalogPage } from "./console/CatalogPage";
import { ConsoleDownloadsPage } from "./console/ConsoleDownloadsPage";
import { ConsoleInvoicesPage } from "./console/ConsoleInvoicesPage";
import { ConsoleHome, ConsoleLayout } from "./console/ConsoleLayout";
import { ConsoleLoginPage } from "./console/ConsoleLoginPage";
import { ConsoleOrdersPage } from "./console/ConsoleOrdersPage";
import { InteropPlatformsPage } from "./console/InteropPlatformsPage";
import { MailOutboxPage } from "./console/MailOutboxPage";
import { RegistryImportPage } from "./console/RegistryImportPage";
import { RequireStaff } from "./console/RequireStaff";
import { ReviewDetailPage } from "./console/review/ReviewDetailPage";
import { ReviewQueuePage } from "./console/review/ReviewQueuePage";
import { SmsOutboxPage } from "./console/SmsOutboxPage";
import { StaffOnly } from "./console/StaffOnly";
import { WebhookDeliveriesPage } from "./console/WebhookDeliveriesPage";
import { PublicLayout } from "./layout/PublicLayout";
import { LoginPage } from "./login/LoginPage";
import { DownloadsPage } from "./portal/DownloadsPage";
import { FaqPage } from "./portal/FaqPage";
import { HomePage } from "./portal/HomePage";
import { NotFoundPage } from "./portal/NotFoundPage";

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route index element={<HomePage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="downloads" element={<DownloadsPage />} />
        <Route path="downloads/faq" element={<FaqPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>

      <Route
        path="center"
        element={
          <RequireSession>
            <CenterLayout />
          </RequireSession>
        }
      >
        <Route index element={<ProfilePage />} />
        <Route path="profile" element={<ProfileEditPage />} />
        <Route path="identity" element={<IdentityPage />} />
        <Route path="enterprise" element={<EnterpriseInfoPage />} />
        <Route path="enterprise/edit" element={<EnterpriseEditPage />} />
        <Route path="staff" element={<StaffPage />} />
        <Route path="ca" element={<CaManagementPage tab="renew" />} />
        <Route path="ca/updates" element={<CaManagementPage tab="updates" />} />
        <Route path="ca/renew/platforms" element={<PlatformSelectionPage />} />
        <Route path="ca/renew/confirm" element={<OrderConfirmPage />} />
        <Route path="orders" element={<OrdersPage />} />
        <Route path="orders/:id" element={<OrderDetailPage />} />
        <Route path="orders/:id/pay" element={<PaymentPage />} />
        <Route path="orders/:id/pay/wechat/:paymentId" element={<WechatPayPage />} />
        <Route path="invoices" element={<InvoicesPage />} />
      </Route>

      <Route path="console/login" element={<ConsoleLoginPage />} />
      <Route
        path="console"
        element={
          <RequireStaff>
            <ConsoleLayout />
          </RequireStaff>
        }
      >
        <Route index element={<ConsoleHome />} />
        <Route
          path="review"
          element={
            <StaffOnly permission="console.enterprise_review.read">
              <ReviewQueuePage />
            </StaffOnly>
          }
        />
        <Route
          path="review/:revisionId"
          element={
            <StaffOnly permission="console.enterprise_review.read">
              <ReviewDetailPage />
            </StaffOnly>
          }
        />
        <Route
          path="catalog"
          element={
            <StaffOnly permission="console.catalog.read">
              <CatalogPage />
            </StaffOnly>
          }
        />
        <Route
          path="admin-applications"
          element={
            <StaffOnly permission="console.admin_application.read">
              <AdminApplicationsPage />
            </StaffOnly>
          }
        />
        <Route path="orders" element={<ConsoleOrdersPage />} />
        <Route
          path="invoices"
          element={
            <StaffOnly permission="console.invoice.read">
              <ConsoleInvoicesPage />
            </StaffOnly>
          }
        />
        <Route
          path="registry"
          element={
            <StaffOnly permission="console.registry.import">
              <RegistryImportPage />
            </StaffOnly>
          }
        />
        <Route
          path="sms-outbox"
          element={
            <StaffOnly permission="console.sms_outbox.read">
              <SmsOutboxPage />
            </StaffOnly>
          }
        />
        <Route
          path="mail-outbox"
          element={
            <StaffOnly permission="console.mail_outbox.read">
              <MailOutboxPage />
            </StaffOnly>
          }
        />
        <Route
          path="interop"
          element={
            <StaffOnly permission="console.interop.read">
              <InteropPlatformsPage />
            </StaffOnly>
          }
        />
        <Route
          path="webhook-deliveries"
          element={
            <StaffOnly permission="console.interop.read">
              <WebhookDeliveriesPage />
            </StaffOnly>
          }
        />
        <Route path="downloads" element={<ConsoleDownloadsPage />} />
      </Route>
    </Routes>
  );
}
