import { Initial1751328000100 } from "./1751328000100-initial";
import { Register1751328000200 } from "./1751328000200-register";
import { RollClosureIndex1751328000300 } from "./1751328000300-roll-closure-index";
import { RunningBenefitsIndex1751328000400 } from "./1751328000400-running-benefits-index";

export const socialMigrations = [
  Initial1751328000100,
  Register1751328000200,
  RollClosureIndex1751328000300,
  RunningBenefitsIndex1751328000400,
];
