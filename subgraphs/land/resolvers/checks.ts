import { badInput } from "../../kit/errors";
import { parsePersonalId } from "../../kit/personal-id";
import { MAX_AREA_M2, toTenths } from "../entities/area";
import type { ParcelKeyInput } from "../inputs/parcel.input";
import type { ParcelKey } from "../rules";

/** The one length limit of each text input, the same on SQLite and MariaDB (the column's length). */
export const TEXT_LIMITS = { address: 200, note: 300, reference: 100, zone: 40, serial: 30 } as const;

/**
 * An area in m² as certificates print it: more than 0, at most one decimal, and not beyond what
 * the register stores. Returned in whole tenths of a m².
 */
export const requireArea = (value: number, field: string, what: string): number => {
  if (!Number.isFinite(value) || value <= 0) throw badInput(field, `The ${what} must be more than 0 m², got ${value}`);
  if (value > MAX_AREA_M2) throw badInput(field, `The ${what} of ${value} m² is more than ${MAX_AREA_M2} m²`);
  if (Math.abs(value * 10 - toTenths(value)) > 1e-6) {
    throw badInput(field, `The ${what} ${value} m² has more than one decimal; certificates print areas to 0.1 m²`);
  }
  return toTenths(value);
};

/** A parcel key as the cadastral map gives it: a 5-digit map unit, sheet and number from 1. */
export const requireParcelKey = (key: ParcelKeyInput, prefix: string): ParcelKey => {
  const at = (name: string) => (prefix ? `${prefix}.${name}` : name);
  if (!/^\d{5}$/.test(key.mapUnitCode)) {
    throw badInput(at("mapUnitCode"), `The map unit must be a 5-digit commune code, got "${key.mapUnitCode}"`);
  }
  for (const [name, value] of [
    ["mapSheet", key.mapSheet],
    ["parcelNumber", key.parcelNumber],
  ] as const) {
    if (!Number.isInteger(value) || value < 1 || value > 1_000_000) {
      throw badInput(
        at(name),
        `The ${name === "mapSheet" ? "map sheet" : "parcel number"} must be 1 or more, got ${value}`,
      );
    }
  }
  return { mapUnitCode: key.mapUnitCode, mapSheet: key.mapSheet, parcelNumber: key.parcelNumber };
};

/**
 * Whether a personal ID names a person the land register may name. The land subgraph does not
 * read the population reference (each subgraph owns its tables, DESIGN §2), so "known" means a
 * well-formed number the population database could have issued by today (DESIGN §6).
 */
export const isKnownPersonOn =
  (today: Date) =>
  (personalId: string): boolean =>
    parsePersonalId(personalId, today).ok;
