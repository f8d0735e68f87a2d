import type { FeatureModule, Runtime } from "../../app/feature-module";
import type { JobHandlers } from "./outbox";
import { OutboxWorker } from "./outbox.worker";

/** Runs the jobs every other module contributes (job kind → handler), in processes that run workers. */
export function outboxModule(runtime: Runtime, jobs: JobHandlers): FeatureModule {
  return {
    name: "outbox",
    services: {},
    start: () => {
      const worker = new OutboxWorker(runtime.database, jobs, runtime.logger);
      worker.start();
      return { stop: () => worker.stop() };
    },
  };
}
