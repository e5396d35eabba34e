import { readFileSync } from "node:fs";

import type { DataSource } from "typeorm";

import { CalendarCoverageError, type ProcedureLimit, type WorkingCalendar } from "../kit/calendar";
import { insertRows } from "../kit/database";
import { FIELD_PREFIX, localYyMmDd } from "../kit/dossier/code";
import { DossierChannel } from "../kit/dossier/entities";
import { sqlInstant } from "../kit/dossier/stats";
import { DossierStatus, NATIONAL_STATUS_CODE } from "../kit/dossier/status";
import { log } from "../kit/logger";
import { CommuneKind } from "../registry/entities/commune";
import {
  type CommuneForSeeding,
  generateCitizens,
  mulberry32,
  type PopulationScaleName,
} from "../registry/import/population";
import { CIVIL_STATUS_PROCEDURES, limitFor } from "./catalogue";
import { CivilStatusDossier } from "./entities/civil-status-dossier";

/** How many dossiers each commune's desk received over the demo period, per scale. */
const DOSSIERS_PER_COMMUNE: Record<PopulationScaleName, number> = { test: 4, demo: 40, bench: 40 };
const DEMO_MONTHS = 18;
const HOUR = 3600_000;
const KIND_BY_UNIT_ID: Record<number, CommuneKind> = {
  3: CommuneKind.WARD,
  4: CommuneKind.COMMUNE,
  5: CommuneKind.SPECIAL_ZONE,
};

/** The communes of a province from the official list: the same set the registry seeds its population over. */
export const communesOfProvince = (unitsFile: string, provinceCode: string): CommuneForSeeding[] => {
  const provinces = JSON.parse(readFileSync(unitsFile, "utf8")) as Array<{
    Code: string;
    Wards: Array<{ Code: string; AdministrativeUnitId: number }>;
  }>;
  const province = provinces.find((p) => p.Code === provinceCode);
  if (!province) throw new Error(`Province ${provinceCode} is not in ${unitsFile}`);
  return province.Wards.map((ward) => ({
    code: ward.Code,
    provinceCode,
    kind: KIND_BY_UNIT_ID[ward.AdministrativeUnitId],
  }));
};

const dueWithinCalendar = (calendar: WorkingCalendar, received: Date, limit: ProcedureLimit): Date | null => {
  try {
    return calendar.dueAt(received, limit);
  } catch (error) {
    if (error instanceof CalendarCoverageError) return null;
    throw error;
  }
};

interface Step {
  to: DossierStatus;
  at: Date;
  note?: string;
}

/**
 * Demo dossiers for the desks and dashboards: over the last 18 months, at every commune of the
 * synthetic population's province, for residents of that population, most returned on time,
 * some late, some overdue, some filed online, some with a supplement request. Deterministic for a
 * given `now` (seeded PRNG); dossiers are received on working days in office hours.
 */
export const seedDemoDossiers = async (
  dataSource: DataSource,
  calendar: WorkingCalendar,
  options: { unitsFile: string; scale: PopulationScaleName; now?: Date; seed?: number },
): Promise<number> => {
  const now = options.now ?? new Date();
  const random = mulberry32(options.seed ?? 20250701);
  const communes = communesOfProvince(options.unitsFile, "01");
  const residents = new Map<string, string[]>();
  for (const citizen of generateCitizens(communes, options.scale === "bench" ? "demo" : options.scale)) {
    residents.set(citizen.residenceCommuneCode, [
      ...(residents.get(citizen.residenceCommuneCode) ?? []),
      citizen.personalId,
    ]);
  }
  const earliest = Math.max(now.getTime() - DEMO_MONTHS * 30 * 24 * HOUR, Date.UTC(calendar.years[0], 0, 1));
  const sequences = new Map<string, number>();
  const dossiers: unknown[][] = [];
  const transitions: unknown[][] = [];

  for (const commune of communes) {
    const people = residents.get(commune.code) ?? [];
    if (people.length === 0) continue;
    for (let i = 0; i < DOSSIERS_PER_COMMUNE[options.scale]; i += 1) {
      // A working day in the period, at a desk hour between 07:30 and 16:30 local.
      let received = new Date(earliest + random() * (now.getTime() - earliest - 2 * HOUR));
      const localDay = new Date(received.getTime() + 7 * HOUR).toISOString().slice(0, 10);
      const day = calendar.isWorkingDay(localDay) ? localDay : calendar.nextWorkingDay(localDay);
      received = new Date(Date.parse(`${day}T00:00:00Z`) - 7 * HOUR + (7.5 + random() * 9) * HOUR);
      if (received > now) continue;
      const procedure = CIVIL_STATUS_PROCEDURES[Math.floor(random() * CIVIL_STATUS_PROCEDURES.length)];
      const dueAt = dueWithinCalendar(calendar, received, limitFor(procedure, { verificationNeeded: false }));
      // The last days of a year may fall due in one the calendar has no file for yet: not seeded.
      if (!dueAt) continue;
      const scope = `${commune.code}.${FIELD_PREFIX.CIVIL_STATUS}-${localYyMmDd(received)}`;
      const seq = (sequences.get(scope) ?? 0) + 1;
      sequences.set(scope, seq);
      const code = `${scope}-${String(seq).padStart(4, "0")}`;
      const online = random() < 0.25;
      const roll = random();
      const span = Math.max(HOUR, dueAt.getTime() - received.getTime());
      const steps: Step[] = [];
      let supplements = 0;
      const at = (fraction: number) => new Date(received.getTime() + fraction * span);
      if (roll < 0.08 && dueAt < now) {
        steps.push({ to: DossierStatus.PROCESSING, at: at(0.2) }); // overdue: still processing past its due date
      } else if (roll < 0.16) {
        steps.push(
          { to: DossierStatus.PROCESSING, at: at(0.2) },
          { to: DossierStatus.COMPLETED, at: at(1.6) },
          { to: DossierStatus.RETURNED, at: at(1.8) },
        );
      } else if (roll < 0.24) {
        supplements = 1;
        steps.push(
          { to: DossierStatus.SUPPLEMENT_REQUESTED, at: at(0.1), note: "Thiếu giấy tờ chứng minh nơi cư trú" },
          { to: DossierStatus.PROCESSING, at: at(0.3) },
          { to: DossierStatus.COMPLETED, at: at(0.8) },
          { to: DossierStatus.RETURNED, at: at(0.9) },
        );
      } else {
        steps.push(
          { to: DossierStatus.PROCESSING, at: at(0.1) },
          { to: DossierStatus.COMPLETED, at: at(0.5) },
          { to: DossierStatus.RETURNED, at: at(0.7) },
        );
      }
      const done = steps.filter((step) => step.at <= now);
      const last = done[done.length - 1];
      const status = last?.to ?? DossierStatus.ACCEPTED;
      const ended = done.find((step) => step.to === DossierStatus.COMPLETED)?.at ?? null;
      const supplement = done.find((step) => step.to === DossierStatus.SUPPLEMENT_REQUESTED);
      const resumed = supplement ? done.find((step) => step.at > supplement.at) : undefined;
      const effectiveDue =
        supplement && resumed
          ? calendar.extendedDueAt({
              acceptedAt: received,
              dueAt,
              supplementIntervals: [{ from: supplement.at, to: resumed.at }],
              until: resumed.at,
            })
          : dueAt;
      const applicant = people[Math.floor(random() * people.length)];
      dossiers.push([
        code,
        procedure.code,
        commune.code,
        "01",
        applicant,
        online ? DossierChannel.ONLINE : DossierChannel.DESK,
        status,
        NATIONAL_STATUS_CODE[status],
        done.length + 1,
        sqlInstant(received),
        sqlInstant(received),
        sqlInstant(dueAt),
        ended ? sqlInstant(ended) : null,
        supplement ? supplements : 0,
        supplement && !resumed ? sqlInstant(supplement.at) : null,
        String(supplement && resumed ? resumed.at.getTime() - supplement.at.getTime() : 0),
        sqlInstant(effectiveDue),
      ]);
      const actor = `demo-officer-${commune.code}`;
      transitions.push([
        code,
        null,
        DossierStatus.ACCEPTED,
        online ? `citizen-${applicant}` : actor,
        online ? "CITIZEN" : "COMMUNE_OFFICER",
        sqlInstant(received),
        null,
      ]);
      let from: DossierStatus = DossierStatus.ACCEPTED;
      for (const step of done) {
        transitions.push([code, from, step.to, actor, "COMMUNE_OFFICER", sqlInstant(step.at), step.note ?? null]);
        from = step.to;
      }
    }
  }
  await dataSource.transaction(async (manager) => {
    await insertRows(
      manager,
      "civil_status_dossier",
      [
        "code",
        "procedure_code",
        "commune_code",
        "province_code",
        "applicant_personal_id",
        "channel",
        "status",
        "national_status_code",
        "version",
        "received_at",
        "accepted_at",
        "due_at",
        "ended_at",
        "supplement_count",
        "supplement_since",
        "supplement_ms",
        "effective_due_at",
      ],
      dossiers,
    );
    await insertRows(
      manager,
      "dossier_transition",
      ["dossier_code", "from_status", "to_status", "actor", "role", "at", "note"],
      transitions,
    );
    await insertRows(manager, "dossier_sequence", ["scope", "last_value"], [...sequences]);
  });
  log.info("seeded demo civil-status dossiers", { dossiers: dossiers.length, transitions: transitions.length });
  return dossiers.length;
};

/** True when the civil-status database holds no dossier yet. */
export const isEmpty = async (dataSource: DataSource): Promise<boolean> =>
  (await dataSource.manager.count(CivilStatusDossier)) === 0;
