import { type EntityManager, In } from "typeorm";

import type { Database } from "../kit/database";
import type { Place } from "../kit/guards";
import { BirthRegistration } from "./entities/birth-registration";
import { DeathRegistration } from "./entities/death-registration";
import { MaritalStatusCertificate } from "./entities/marital-status-certificate";
import { MarriageRegistration } from "./entities/marriage-registration";
import type { RegisterFacts } from "./rules";

/** Everything the civil-status registers hold about one person, and the places that hold it. */
export interface CitizenRegisters {
  personalId: string;
  birth: BirthRegistration | null;
  death: DeathRegistration | null;
  /** Marriages naming the person as husband or wife, oldest first. */
  marriages: MarriageRegistration[];
  certificates: MaritalStatusCertificate[];
  /** Communes whose registers or desks hold something of the person: an entry, or a dossier they filed. */
  places: Place[];
}

/**
 * Reads the registers of many people in five statements, whatever their number. Inside an issuing
 * transaction on MySQL, `lock` takes the rows and the index gaps the decision rests on, so that two
 * desks cannot marry the same person at once: the second waits for the first and then sees it.
 */
export const loadRegisters = async (
  manager: EntityManager,
  kind: Database["kind"],
  ids: readonly string[],
  options: { lock?: boolean } = {},
): Promise<Map<string, CitizenRegisters>> => {
  const unique = [...new Set(ids)];
  const result = new Map<string, CitizenRegisters>(
    unique.map((id) => [id, { personalId: id, birth: null, death: null, marriages: [], certificates: [], places: [] }]),
  );
  if (unique.length === 0) return result;
  const lock = options.lock && kind === "mysql";
  const select = <T extends object>(entity: new () => T, alias: string, where: string) => {
    const query = manager.createQueryBuilder(entity, alias).where(where, { ids: unique });
    return lock ? query.setLock("pessimistic_write") : query;
  };
  const [births, deaths, marriages, certificates, dossierPlaces] = await Promise.all([
    select(BirthRegistration, "b", "b.personalId IN (:...ids)").getMany(),
    select(DeathRegistration, "d", "d.personalId IN (:...ids)").getMany(),
    select(MarriageRegistration, "m", "(m.husbandPersonalId IN (:...ids) OR m.wifePersonalId IN (:...ids))")
      .orderBy("m.registeredOn", "ASC")
      .addOrderBy("m.id", "ASC")
      .getMany(),
    manager.find(MaritalStatusCertificate, { where: { personalId: In(unique) }, order: { id: "ASC" } }),
    manager.query(
      `SELECT DISTINCT applicant_personal_id AS p, commune_code AS c, province_code AS v
         FROM civil_status_dossier WHERE applicant_personal_id IN (${unique.map(() => "?").join(", ")})`,
      unique,
    ) as Promise<{ p: string; c: string; v: string }[]>,
  ]);
  const addPlace = (id: string, place: Place) => {
    const entry = result.get(id);
    if (entry && !entry.places.some((p) => p.communeCode === place.communeCode)) entry.places.push(place);
  };
  for (const birth of births) {
    (result.get(birth.personalId) as CitizenRegisters).birth = birth;
    addPlace(birth.personalId, birth);
  }
  for (const death of deaths) {
    (result.get(death.personalId) as CitizenRegisters).death = death;
    addPlace(death.personalId, death);
  }
  for (const marriage of marriages) {
    for (const id of [marriage.husbandPersonalId, marriage.wifePersonalId]) {
      result.get(id)?.marriages.push(marriage);
      addPlace(id, marriage);
    }
  }
  for (const certificate of certificates) {
    (result.get(certificate.personalId) as CitizenRegisters).certificates.push(certificate);
    addPlace(certificate.personalId, certificate);
  }
  for (const row of dossierPlaces) addPlace(String(row.p), { communeCode: row.c, provinceCode: row.v });
  return result;
};

/** The register facts the officer's rules (rules.ts) decide on, from the person's side. */
export const factsOf = (registers: CitizenRegisters): RegisterFacts => ({
  birth: registers.birth
    ? {
        registeredOn: registers.birth.registeredOn,
        fatherId: registers.birth.fatherPersonalId,
        motherId: registers.birth.motherPersonalId,
      }
    : null,
  death: registers.death ? { diedOn: registers.death.diedOn } : null,
  marriages: registers.marriages.map((marriage) => ({
    spouseId:
      marriage.husbandPersonalId === registers.personalId ? marriage.wifePersonalId : marriage.husbandPersonalId,
    registeredOn: marriage.registeredOn,
    ...(marriage.endedOn ? { endedOn: marriage.endedOn, endReason: marriage.endReason ?? undefined } : {}),
  })),
});
