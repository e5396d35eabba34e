import { Initial1751328000100 } from "./1751328000100-initial";

export const civilStatusMigrations = [Initial1751328000100];
