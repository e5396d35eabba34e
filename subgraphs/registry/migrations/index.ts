import { Initial1751328000000 } from "./1751328000000-initial";
import { LifeEvents1751328000600 } from "./1751328000600-life-events";

export const registryMigrations = [Initial1751328000000, LifeEvents1751328000600];
