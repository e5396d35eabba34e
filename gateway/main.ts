import { runService } from "../subgraphs/kit/service";
import { loadGatewayConfig } from "./config";
import { startGateway } from "./server";

if (require.main === module) {
  runService("gateway", loadGatewayConfig, startGateway, () => 10_000);
}
