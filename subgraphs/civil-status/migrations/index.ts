import { Initial1751328000100 } from "./1751328000100-initial";
import { Registers1751328000200 } from "./1751328000200-registers";
import { Corrections1751328000300 } from "./1751328000300-corrections";

export const civilStatusMigrations = [Initial1751328000100, Registers1751328000200, Corrections1751328000300];
