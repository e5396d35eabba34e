import type { EntityManager } from "typeorm";

import type { EventHandler } from "../kit/events/consumer";
import type { FeedEvent } from "../kit/events/feed";
import { log } from "../kit/logger";
import { foldForSearch, toNfc } from "../kit/text";
import { Citizen } from "./entities/citizen";

/** What the registry reads from a civil-status event's payload (written by the register resolvers). */
const text = (event: FeedEvent, key: string): string => {
  const value = event.payload[key];
  if (typeof value !== "string" || value === "") throw new Error(`${event.type} ${event.id} has no ${key}`);
  return value;
};

/**
 * The population reference follows civil status (DESIGN §3). A registered birth makes the child a
 * citizen, resident where the birth was registered until a residence is declared; a registered
 * death sets the date of death. Each runs in the consumer's transaction, once per event.
 */
export const CIVIL_STATUS_HANDLERS: Readonly<Record<string, EventHandler>> = {
  BirthRegistered: async (manager: EntityManager, event) => {
    const personalId = text(event, "personalId");
    const fullName = toNfc(text(event, "fullName"));
    const known = await manager.findOne(Citizen, { where: { personalId }, select: { personalId: true } });
    if (known) {
      log.warn("a registered birth names a citizen already in the reference; left as it is", { personalId });
      return;
    }
    await manager.insert(Citizen, {
      personalId,
      fullName,
      gender: text(event, "gender") as Citizen["gender"],
      birthDate: text(event, "birthDate"),
      deceasedOn: null,
      residenceCommuneCode: text(event, "communeCode"),
      searchName: foldForSearch(fullName),
    });
  },
  DeathRegistered: async (manager: EntityManager, event) => {
    const personalId = text(event, "personalId");
    const { affected } = await manager.update(Citizen, { personalId }, { deceasedOn: text(event, "diedOn") });
    if (!affected) log.warn("a registered death names no citizen of the reference", { personalId });
  },
};
