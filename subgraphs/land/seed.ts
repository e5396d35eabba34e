import type { DataSource } from "typeorm";

import { readOfficialCommunes } from "../kit/admin-units";
import { addCalendarDays, toLocalDate } from "../kit/calendar";
import { insertRows } from "../kit/database";
import { log } from "../kit/logger";
import { type CitizenSeed, generateCitizens, mulberry32, type PopulationScaleName } from "../kit/population";
import { LandParcel } from "./entities/parcel";
import { LAND_USE_CODES } from "./land-use-codes";
import { defaultTermFor, permitStartDeadline } from "./rules";

/**
 * The demo land register of Hà Nội: for the synthetic residents of every commune (the kit's
 * population, the same people the registry seeds), parcels with their uses, a valid certificate
 * naming one adult or a married couple, some mortgages and a few disputes, and some house permits.
 * Deterministic for a given seed and `now`; bulk-inserted. Dossiers are not seeded here: the
 * dossier-flow simulator is being moved into the kit and will be passed to `startLand` as its
 * `seedDossiers` hook.
 */
export interface SeedLandOptions {
  unitsFile: string;
  scale: PopulationScaleName;
  /** The demo's "today": certificates are issued before it, permits in the 18 months up to it. */
  now?: Date;
  seed?: number;
}

export interface SeededLand {
  parcels: number;
  certificates: number;
  encumbrances: number;
  permits: number;
}

/** Two capital letters and six digits, as the 2009 form prints its serial ("CS 123456" without the space). */
const serialOf = (n: number): string => {
  const letters = "ABCDEGHKLMNPQRSTUVXY";
  return `${letters[Math.floor(n / 1_000_000) % letters.length]}${letters[Math.floor(n / 20_000_000) % letters.length]}${String(n % 1_000_000).padStart(6, "0")}`;
};

const adultOn = (citizen: CitizenSeed, today: string): boolean =>
  Number(today.slice(0, 4)) - Number(citizen.birthDate.slice(0, 4)) >= 20;

/** Seeds the demo land register; returns what it wrote. */
export const seedLandRegisters = async (dataSource: DataSource, options: SeedLandOptions): Promise<SeededLand> => {
  const today = toLocalDate(options.now ?? new Date());
  const random = mulberry32(options.seed ?? 20250703);
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const communes = readOfficialCommunes(options.unitsFile).filter((commune) => commune.provinceCode === "01");
  if (communes.length === 0) throw new Error(`Hà Nội (01) is not in ${options.unitsFile}`);
  const kindOf = new Map(communes.map((commune) => [commune.code, commune.kind]));
  const residents = new Map<string, CitizenSeed[]>();
  for (const citizen of generateCitizens(communes, options.scale === "bench" ? "demo" : options.scale)) {
    residents.set(citizen.residenceCommuneCode, [...(residents.get(citizen.residenceCommuneCode) ?? []), citizen]);
  }

  const parcels: unknown[][] = [];
  const uses: unknown[][] = [];
  const certificates: unknown[][] = [];
  const holders: unknown[][] = [];
  const encumbrances: unknown[][] = [];
  const permits: unknown[][] = [];
  let parcelId = 0;
  let useId = 0;
  let holderId = 0;
  for (const [communeCode, people] of [...residents.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const ward = kindOf.get(communeCode) === "WARD";
    const adults = people.filter((person) => adultOn(person, today));
    let sheet = 1;
    let number = 0;
    for (let i = 0; i < adults.length; i += 1) {
      // About half the adults hold a parcel; a married couple holds one together.
      // The last adult of a commune with no parcel yet takes one, so every commune's register has some.
      if (random() >= 0.5 && !(i === adults.length - 1 && number === 0 && sheet === 1)) continue;
      const first = adults[i];
      const partner = adults[i + 1];
      const couple = partner !== undefined && partner.gender !== first.gender && random() < 0.4;
      if (couple) i += 1;
      number += 1;
      if (number > 60) {
        sheet += 1;
        number = 1;
      }
      parcelId += 1;
      const registeredOn = `${between(2000, 2020)}-${String(between(1, 12)).padStart(2, "0")}-${String(between(1, 28)).padStart(2, "0")}`;
      const residential = (ward ? between(400, 1500) : between(1000, 4000)) / 1; // tenths of m²
      const landUses: [string, number][] = [[ward ? "ODT" : "ONT", residential]];
      if (!ward && random() < 0.6) landUses.push([random() < 0.5 ? "CLN" : "HNK", between(500, 5000)]);
      if (random() < 0.08) landUses.splice(0, landUses.length, ["LUC", between(2000, 20000)]);
      const area = landUses.reduce((sum, [, tenths]) => sum + tenths, 0);
      parcels.push([parcelId, communeCode, sheet, number, communeCode, "01", area, null, 1, null, registeredOn]);
      for (const [code, tenths] of landUses) {
        useId += 1;
        const term = defaultTermFor(code, registeredOn);
        const until = term && term !== "STABLE_LONG_TERM" ? term.until : null;
        uses.push([useId, parcelId, code, LAND_USE_CODES.version, tenths, until]);
      }
      certificates.push([
        parcelId,
        parcelId,
        parcelId,
        serialOf(parcelId),
        "GCN_2009",
        "VALID",
        registeredOn,
        communeCode,
        "01",
        null,
        null,
      ]);
      const named = couple
        ? [
            [first, first.gender === "MALE" ? "HUSBAND" : "WIFE"],
            [partner, first.gender === "MALE" ? "WIFE" : "HUSBAND"],
          ]
        : [[first, "INDIVIDUAL"]];
      for (const [person, role] of named as [CitizenSeed, string][]) {
        holderId += 1;
        holders.push([holderId, parcelId, person.personalId, role, null]);
      }
      const roll = random();
      // Mortgages are common (a bank loan against the certificate); disputes rare.
      if (roll < 0.12) {
        encumbrances.push([
          encumbrances.length + 1,
          parcelId,
          "MORTGAGE",
          1,
          addCalendarDays(today, -between(30, 2000)),
          null,
          `HĐTC-${String(parcelId).padStart(6, "0")}`,
          null,
          communeCode,
        ]);
      } else if (roll < 0.14) {
        encumbrances.push([
          encumbrances.length + 1,
          parcelId,
          "DISPUTE",
          1,
          addCalendarDays(today, -between(10, 400)),
          null,
          null,
          "Tranh chấp ranh giới với thửa liền kề",
          communeCode,
        ]);
      }
      if (landUses[0][0] !== "LUC" && random() < 0.06) {
        const issuedOn = addCalendarDays(today, -between(1, 540));
        const ground = Math.min(residential, between(300, 1200));
        const floors = between(2, 5);
        permits.push([
          permits.length + 1,
          parcelId,
          first.personalId,
          "NEW",
          "INDIVIDUAL_HOUSE",
          floors,
          ground,
          ground * floors,
          "VALID",
          issuedOn,
          0,
          permitStartDeadline(issuedOn, 0),
          communeCode,
          "01",
          null,
        ]);
      }
    }
  }

  await dataSource.transaction(async (manager) => {
    await insertRows(
      manager,
      "land_parcel",
      [
        "id",
        "map_unit_code",
        "map_sheet",
        "parcel_number",
        "commune_code",
        "province_code",
        "area_tenths_m2",
        "address",
        "active",
        "parent_id",
        "registered_on",
      ],
      parcels,
    );
    await insertRows(
      manager,
      "land_use",
      ["id", "parcel_id", "land_use_code", "code_version", "area_tenths_m2", "term_until"],
      uses,
    );
    await insertRows(
      manager,
      "land_certificate",
      [
        "id",
        "parcel_id",
        "valid_parcel_id",
        "serial",
        "form",
        "status",
        "issued_on",
        "commune_code",
        "province_code",
        "dossier_code",
        "replaces_id",
      ],
      certificates,
    );
    await insertRows(
      manager,
      "land_certificate_holder",
      ["id", "certificate_id", "personal_id", "role", "deceased_on"],
      holders,
    );
    await insertRows(
      manager,
      "land_encumbrance",
      ["id", "parcel_id", "kind", "blocks_transfer", "from_date", "until_date", "reference", "note", "commune_code"],
      encumbrances,
    );
    await insertRows(
      manager,
      "construction_permit",
      [
        "id",
        "parcel_id",
        "holder_personal_id",
        "kind",
        "work_type",
        "floors",
        "ground_floor_tenths_m2",
        "gross_floor_tenths_m2",
        "status",
        "issued_on",
        "extensions",
        "start_deadline",
        "commune_code",
        "province_code",
        "dossier_code",
      ],
      permits,
    );
  });
  const seeded = {
    parcels: parcels.length,
    certificates: certificates.length,
    encumbrances: encumbrances.length,
    permits: permits.length,
  };
  log.info("seeded the demo land register", { ...seeded });
  return seeded;
};

/** True when the land register holds no parcel yet. */
export const isEmpty = async (dataSource: DataSource): Promise<boolean> =>
  (await dataSource.manager.count(LandParcel)) === 0;
