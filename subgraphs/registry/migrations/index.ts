import { Initial1751328000000 } from "./1751328000000-initial";

export const registryMigrations = [Initial1751328000000];
