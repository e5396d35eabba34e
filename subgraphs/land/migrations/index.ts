import { Initial1751328000100 } from "./1751328000100-initial";
import { Register1751328000200 } from "./1751328000200-register";
import { LifeEvents1751328000600 } from "./1751328000600-life-events";

export const landMigrations = [Initial1751328000100, Register1751328000200, LifeEvents1751328000600];
