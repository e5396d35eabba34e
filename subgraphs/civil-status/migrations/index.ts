import { Initial1751328000100 } from "./1751328000100-initial";
import { Registers1751328000200 } from "./1751328000200-registers";
import { Corrections1751328000300 } from "./1751328000300-corrections";
import { DueProvenance1751328000400 } from "./1751328000400-due-provenance";
import { Outbox1751328000500 } from "./1751328000500-outbox";

export const civilStatusMigrations = [
  Initial1751328000100,
  Registers1751328000200,
  Corrections1751328000300,
  DueProvenance1751328000400,
  Outbox1751328000500,
];
