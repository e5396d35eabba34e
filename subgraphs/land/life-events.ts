import { IsNull } from "typeorm";

import type { EventHandler } from "../kit/events/consumer";
import { LandCertificateHolder } from "./entities/certificate";

/**
 * Land follows civil status (DESIGN §3): a registered death flags every right the person holds, so
 * the desk sees them (`rightsOfDeceased`) before an inheritance is registered. The date is the date
 * of death, not of registration; once set, a second event leaves it as it is.
 */
export const CIVIL_STATUS_HANDLERS: Readonly<Record<string, EventHandler>> = {
  DeathRegistered: async (manager, event) => {
    const { personalId, diedOn } = event.payload as { personalId?: unknown; diedOn?: unknown };
    if (typeof personalId !== "string" || typeof diedOn !== "string") {
      throw new Error(`DeathRegistered ${event.id} has no personalId or diedOn`);
    }
    await manager.update(LandCertificateHolder, { personalId, deceasedOn: IsNull() }, { deceasedOn: diedOn });
  },
};
