import { configureLogger, log } from "../subgraphs/kit/logger";
import { stopOnSignals } from "../subgraphs/kit/service";
import { loadGatewayConfig } from "./config";
import { startGateway } from "./server";

if (require.main === module) {
  void (async () => {
    try {
      const config = loadGatewayConfig();
      configureLogger("gateway", config.logLevel);
      const gateway = await startGateway(config);
      stopOnSignals(gateway, 10_000);
    } catch (error) {
      configureLogger("gateway");
      log.error("gateway failed to start", { error: error instanceof Error ? error.message : String(error) });
      process.exit(1);
    }
  })();
}
