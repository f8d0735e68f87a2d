import { everyInterval, type FeatureModule, type Runtime } from "../../app/feature-module";
import type { CatalogService } from "../catalog/catalog.service";
import { systemActor } from "../policy/actor";
import { ItemFulfilment } from "./item-fulfilment.service";
import { OrderSettlement } from "./order-settlement.service";
import { RenewalOrderService } from "./renewal-orders.service";
import { renewalsConsoleRoutes } from "./renewals.console.routes";
import { renewalsRoutes } from "./renewals.routes";

export interface RenewalsServices {
  renewalOrders: RenewalOrderService;
  orderSettlement: OrderSettlement;
  itemFulfilment: ItemFulfilment;
}

/** How often unpaid orders past their time are expired (their certificates freed). */
const EXPIRY_SWEEP_MS = 15_000;

/** Renewal orders (J5): what may be renewed, orders priced from the catalog, 【订单管理】, expiry. */
export function renewalsModule(runtime: Runtime, deps: { catalog: CatalogService }): FeatureModule<RenewalsServices> {
  const { database, clock, config, logger } = runtime;
  const renewalOrders = new RenewalOrderService({
    database,
    clock,
    catalog: deps.catalog,
    expiresAfterMs: config.renewalOrderExpiresMs,
  });
  const services: RenewalsServices = {
    renewalOrders,
    orderSettlement: new OrderSettlement(database),
    itemFulfilment: new ItemFulfilment(database),
  };
  return {
    name: "renewals",
    services,
    routes: {
      portal: renewalsRoutes({ orders: renewalOrders }),
      console: renewalsConsoleRoutes({ orders: renewalOrders }),
    },
    start: () =>
      everyInterval(logger, "renewal order expiry", EXPIRY_SWEEP_MS, () => renewalOrders.expireDue(systemActor)),
  };
}
