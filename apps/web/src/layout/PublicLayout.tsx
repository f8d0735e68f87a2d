import { Outlet } from "react-router-dom";
import { PortalFooter } from "./PortalFooter";
import { PortalHeader } from "./PortalHeader";

export function PublicLayout() {
  return (
    <div className="portal">
      <PortalHeader />
      <main className="portal-main">
        <Outlet />
      </main>
      <PortalFooter />
    </div>
  );
}
