import type { EntityManager } from "typeorm";

import { addCalendarDays, type ProcedureLimit, toLocalDate, type WorkingCalendar } from "../calendar";
import { insertFlatRows, insertRows, sqlInstant, withIndexesBuiltAfter } from "../database";
import { type FieldPrefix, localYyMmDd } from "../dossier/code";
import { DossierChannel } from "../dossier/entities";
import { DossierStatus, NATIONAL_STATUS_CODE } from "../dossier/status";
import { type CommuneForSeeding, estimatedPopulations, type PopulationScaleName } from "../population";
import { type DeskProcedure, formatLimit } from "./catalogue";
import { type DeskRate, expectedPerMonth, MONTHLY_SPREAD, poisson } from "./volumes";

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** Vietnam's fixed offset from UTC: desk days and hours are local. */
const LOCAL_OFFSET = 7 * HOUR;
/** How many months of dossiers the demo desks play (DESIGN §8). */
export const DEMO_MONTHS = 18;
/** At the test scale, how many dossiers each commune's desk received over the demo period. */
export const TEST_DOSSIERS_PER_COMMUNE = 4;
/** Share of dossiers filed online (estimate, low confidence). */
const ONLINE_SHARE = 0.25;

/** One step of a simulated dossier's course. */
export interface SimulatedStep {
  to: DossierStatus;
  at: Date;
  note?: string;
}

/** A receipt planned before anyone is chosen to file it. */
export interface PlannedReceipt<P> {
  commune: CommuneForSeeding;
  received: Date;
  procedure: P;
  online: boolean;
  /** A uniform draw that decides the dossier's course (on time, late, overdue, supplement…). */
  roll: number;
}

/** A dossier whose course is known; a field may still turn its completion into a stop (no result possible). */
export interface SimulatedDossier<P> {
  code: string;
  commune: CommuneForSeeding;
  procedure: P;
  applicantPersonalId: string;
  online: boolean;
  received: Date;
  dueAt: Date;
  dueProvisional: boolean;
  dueLimit: string;
  effectiveDue: Date;
  supplements: number;
  /** The steps taken by `now`, oldest first. */
  done: SimulatedStep[];
  /** The completion among them, if any. */
  completed: SimulatedStep | undefined;
}

export interface DeskSimulatorOptions {
  calendar: WorkingCalendar;
  now: Date;
  /** A seeded PRNG (kit/population mulberry32): the same seed gives the same desks. */
  random: () => number;
  prefix: FieldPrefix;
  /** How long ago the first receipt may be. */
  months: number;
  /** The state a dossier waits in for the citizen: a supplement request, or in land fees and taxes too. */
  waitStates?: readonly DossierStatus[];
}

/**
 * The demo desks' flows (DESIGN §8: plausible dossier flows): receipts on working days in office
 * hours over the last months, most returned on time, some late (the most recent of those still
 * processing past their due date), some filed online, some waiting for the citizen once. Due dates are counted on the working-day
 * calendar as the desk would, provisional ones marked. Each field chooses who files what and issues
 * the results in order of completion; the simulator writes the dossiers, their history and the code
 * counters in bulk.
 */
export class DeskSimulator<P extends DeskProcedure> {
  readonly dossiers: SimulatedDossier<P>[] = [];
  private readonly sequences = new Map<string, number>();
  readonly earliest: number;
  /** By local day number: the UTC midnight of the working day a receipt that day is counted on. */
  private readonly deskDays = new Map<number, number>();
  /** By local day number: the day as dossier codes write it (yyMMdd). */
  private readonly codeDays = new Map<number, string>();

  /** The states a dossier waits in for the citizen. */
  private readonly waitStates: readonly DossierStatus[];
  /** Each limit as stored with a dossier (formatLimit), by limit. */
  private readonly limitTexts = new Map<ProcedureLimit, string>();

  constructor(private readonly options: DeskSimulatorOptions) {
    this.waitStates = options.waitStates ?? [DossierStatus.SUPPLEMENT_REQUESTED];
    this.earliest = Math.max(
      options.now.getTime() - options.months * 30 * 24 * HOUR,
      Date.UTC(options.calendar.years[0], 0, 1),
    );
  }

  /** The desk day of an instant: that local day when it is worked, else the next working day. */
  private deskDayOf(at: number): number {
    const dayNumber = Math.floor((at + LOCAL_OFFSET) / DAY);
    let deskDay = this.deskDays.get(dayNumber);
    if (deskDay === undefined) {
      const { calendar } = this.options;
      const localDay = new Date(dayNumber * DAY).toISOString().slice(0, 10);
      const day = calendar.isWorkingDay(localDay) ? localDay : calendar.nextWorkingDay(localDay);
      deskDay = Date.parse(`${day}T00:00:00Z`);
      this.deskDays.set(dayNumber, deskDay);
    }
    return deskDay;
  }

  /** Receipts at each commune, `perCommune` of them, in time order; `pick` draws a procedure from a roll. */
  plan(
    communes: readonly CommuneForSeeding[],
    perCommune: (commune: CommuneForSeeding) => number,
    pick: (roll: number) => P,
  ): PlannedReceipt<P>[] {
    const { now, random } = this.options;
    const receipts: PlannedReceipt<P>[] = [];
    for (const commune of communes) {
      const count = perCommune(commune);
      for (let i = 0; i < count; i += 1) {
        // A working day in the period, at a desk hour between 07:30 and 16:30 local.
        const drawn = this.earliest + random() * (now.getTime() - this.earliest - 2 * HOUR);
        const received = new Date(this.deskDayOf(drawn) - 7 * HOUR + (7.5 + random() * 9) * HOUR);
        const procedure = pick(random());
        const online = random() < ONLINE_SHARE;
        const roll = random();
        if (received <= now) receipts.push({ commune, received, procedure, online, roll });
      }
    }
    return receipts.sort(
      (a, b) => a.received.getTime() - b.received.getTime() || a.commune.code.localeCompare(b.commune.code),
    );
  }

  /**
   * A field seed's receipts at the communes that have residents, in time order: at the test scale
   * TEST_DOSSIERS_PER_COMMUNE at each, their procedures drawn by `pick`; at any other scale at real
   * rates of every commune's estimated population (planAtRates).
   */
  planForScale(
    scale: PopulationScaleName,
    communes: readonly CommuneForSeeding[],
    residents: ReadonlyMap<string, readonly unknown[]>,
    procedures: { pick: (roll: number) => P; rates: readonly DeskRate[]; procedureOf: (code: string) => P },
  ): PlannedReceipt<P>[] {
    const withResidents = communes.filter((commune) => (residents.get(commune.code) ?? []).length > 0);
    return scale === "test"
      ? this.plan(withResidents, () => TEST_DOSSIERS_PER_COMMUNE, procedures.pick)
      : this.planAtRates(withResidents, estimatedPopulations(communes), procedures.rates, procedures.procedureOf);
  }

  /**
   * Receipts at real rates (DESIGN §8), in time order: on each working day of the period, each
   * procedure comes to each commune's desk a Poisson number of times around its expected daily
   * volume (the month's expected volume, `rates` applied to the commune's `people`, spread over the
   * month's working days), at desk hours between 07:30 and 16:30 local. Each commune's month is a
   * little busier or quieter than expected at random (MONTHLY_SPREAD). A receipt planned before the
   * period starts or after `now` is dropped, so the first and the current month are partial.
   */
  planAtRates(
    communes: readonly CommuneForSeeding[],
    people: ReadonlyMap<string, number>,
    rates: readonly DeskRate[],
    procedureOf: (code: string) => P,
  ): PlannedReceipt<P>[] {
    const { calendar, now, random } = this.options;
    const procedures = rates.map((rate) => procedureOf(rate.code));
    const workingDaysIn = new Map<string, number>();
    const countWorkingDays = (month: string): number => {
      let count = 0;
      for (let day = `${month}-01`; day.startsWith(month); day = addCalendarDays(day, 1)) {
        if (calendar.isWorkingDay(day)) count += 1;
      }
      return count;
    };
    const receipts: PlannedReceipt<P>[] = [];
    let month = "";
    // Each commune's expected daily count of each procedure in the current month.
    let daily: number[][] = [];
    const last = toLocalDate(now);
    for (let day = toLocalDate(new Date(this.earliest)); day <= last; day = addCalendarDays(day, 1)) {
      if (!calendar.isWorkingDay(day)) continue;
      if (day.slice(0, 7) !== month) {
        month = day.slice(0, 7);
        const workingDays = workingDaysIn.get(month) ?? countWorkingDays(month);
        workingDaysIn.set(month, workingDays);
        const monthIndex = Number(month.slice(5, 7)) - 1;
        daily = communes.map((commune) => {
          const chance = 1 + MONTHLY_SPREAD * (2 * random() - 1);
          const size = people.get(commune.code) ?? 0;
          return rates.map((rate) => (expectedPerMonth(rate, size, commune.kind, monthIndex) * chance) / workingDays);
        });
      }
      const midnight = Date.parse(`${day}T00:00:00Z`) - LOCAL_OFFSET;
      const today: PlannedReceipt<P>[] = [];
      communes.forEach((commune, c) => {
        daily[c].forEach((lambda, r) => {
          for (let n = poisson(lambda, random); n > 0; n -= 1) {
            const received = new Date(midnight + (7.5 + random() * 9) * HOUR);
            const online = random() < ONLINE_SHARE;
            const roll = random();
            if (received.getTime() >= this.earliest && received <= now) {
              today.push({ commune, received, procedure: procedures[r], online, roll });
            }
          }
        });
      });
      today.sort((a, b) => a.received.getTime() - b.received.getTime() || (a.commune.code < b.commune.code ? -1 : 1));
      for (const receipt of today) receipts.push(receipt);
    }
    return receipts;
  }

  /** Settles a receipt's course, given who filed it, for which procedure and with which limit. */
  settle(
    receipt: PlannedReceipt<P>,
    procedure: P,
    applicantPersonalId: string,
    limit: ProcedureLimit,
  ): SimulatedDossier<P> {
    const { calendar, now, random } = this.options;
    const { commune, received, roll } = receipt;
    const due = calendar.dueAtWithProvenance(received, limit);
    const scope = `${commune.code}.${this.options.prefix}-${this.codeDayOf(received)}`;
    const seq = (this.sequences.get(scope) ?? 0) + 1;
    this.sequences.set(scope, seq);
    const span = Math.max(HOUR, due.at.getTime() - received.getTime());
    const at = (fraction: number) => new Date(received.getTime() + fraction * span);
    const waitStates = this.waitStates;
    const steps: SimulatedStep[] = [];
    let supplements = 0;
    if (roll < 0.08) {
      // Slow: done one to twenty days after its due date (the roll, scaled, says how late), so only
      // the recent ones are still processing past their due date (overdue); a desk's overdue list
      // holds its last weeks' stragglers, not every one since the period began.
      const late = due.at.getTime() + (1 + 19 * (roll / 0.08)) * DAY;
      steps.push(
        { to: DossierStatus.PROCESSING, at: at(0.2) },
        { to: DossierStatus.COMPLETED, at: new Date(late) },
        { to: DossierStatus.RETURNED, at: new Date(late + 2 * HOUR) },
      );
    } else if (roll < 0.16) {
      steps.push(
        { to: DossierStatus.PROCESSING, at: at(0.2) },
        { to: DossierStatus.COMPLETED, at: at(1.6) },
        { to: DossierStatus.RETURNED, at: at(1.8) },
      );
    } else if (roll < 0.24) {
      const wait = waitStates[Math.floor(random() * waitStates.length)];
      if (wait === DossierStatus.SUPPLEMENT_REQUESTED) supplements = 1;
      steps.push(
        { to: DossierStatus.PROCESSING, at: at(0.05) },
        {
          to: wait,
          at: at(0.1),
          note:
            wait === DossierStatus.SUPPLEMENT_REQUESTED
              ? "Thiếu giấy tờ chứng minh nơi cư trú"
              : "Chờ nộp lệ phí trước bạ và thuế thu nhập cá nhân",
        },
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
    const until = now.getTime();
    const done = steps.filter((step) => step.at.getTime() <= until);
    const waited = done.findIndex((step) => waitStates.includes(step.to));
    const resumed = waited >= 0 ? done[waited + 1] : undefined;
    const effectiveDue =
      waited >= 0 && resumed
        ? calendar.extendedDueAt({
            acceptedAt: received,
            dueAt: due.at,
            supplementIntervals: [{ from: done[waited].at, to: resumed.at }],
            until: resumed.at,
          })
        : due.at;
    const dossier: SimulatedDossier<P> = {
      code: `${scope}-${String(seq).padStart(4, "0")}`,
      commune,
      procedure,
      applicantPersonalId,
      online: receipt.online,
      received,
      dueAt: due.at,
      dueProvisional: due.provisional,
      dueLimit: this.limitTexts.get(limit) ?? this.limitTextOf(limit),
      effectiveDue,
      supplements,
      done,
      completed: done.find((step) => step.to === DossierStatus.COMPLETED),
    };
    this.dossiers.push(dossier);
    return dossier;
  }

  private limitTextOf(limit: ProcedureLimit): string {
    const text = formatLimit(limit);
    // Catalogues hand out the same limit objects; a limit made for one dossier is not kept.
    if (this.limitTexts.size < 1000) this.limitTexts.set(limit, text);
    return text;
  }

  /** The day part of a dossier code received at `at`. */
  private codeDayOf(at: Date): string {
    const dayNumber = Math.floor((at.getTime() + LOCAL_OFFSET) / DAY);
    let code = this.codeDays.get(dayNumber);
    if (code === undefined) {
      code = localYyMmDd(at);
      this.codeDays.set(dayNumber, code);
    }
    return code;
  }

  /** The completed dossiers, in the order the desks completed them: results are issued in that order. */
  byCompletion(): SimulatedDossier<P>[] {
    return this.dossiers
      .filter((dossier) => dossier.completed)
      .sort((a, b) => (a.completed as SimulatedStep).at.getTime() - (b.completed as SimulatedStep).at.getTime());
  }

  /** Nothing the registers allow (nobody free to marry, say): the desk stopped processing instead of completing. */
  stopInstead(dossier: SimulatedDossier<P>, note: string): void {
    const completed = dossier.completed as SimulatedStep;
    dossier.done = [
      ...dossier.done.filter((step) => step.at < completed.at && step.to !== DossierStatus.COMPLETED),
      { to: DossierStatus.STOPPED, at: completed.at, note },
    ];
    dossier.completed = undefined;
  }

  /**
   * Writes the dossiers, their history and the code counters, in bulk, into the field's dossier
   * table: commune by commune, so that codes (and each dossier's history) arrive in key order, with
   * the secondary indexes built after the load (withIndexesBuiltAfter).
   */
  async insert(manager: EntityManager, table: string, provinceCode: string): Promise<number> {
    const byCommune = new Map<string, SimulatedDossier<P>[]>();
    for (const dossier of this.dossiers) {
      const list = byCommune.get(dossier.commune.code);
      if (list) list.push(dossier);
      else byCommune.set(dossier.commune.code, [dossier]);
    }
    const waitStates = this.waitStates;
    // Due dates fall at the end of a day, so a few hundred instants stand for most of them.
    const dueTexts = new Map<number, string>();
    const dueText = (at: Date) => {
      const time = at.getTime();
      let text = dueTexts.get(time);
      if (text === undefined) dueTexts.set(time, (text = sqlInstant(at)));
      return text;
    };
    await withIndexesBuiltAfter(manager, [table, "dossier_transition"], async () => {
      // Commune by commune, rows built and written in turn: within a commune dossiers were settled in
      // order of receipt, which is the order of their codes.
      for (const communeCode of [...byCommune.keys()].sort()) {
        // Rows laid end to end (insertFlatRows): a few million transitions build no array each.
        const dossiers: unknown[] = [];
        const transitions: unknown[] = [];
        const actor = `demo-officer-${communeCode}`;
        for (const dossier of byCommune.get(communeCode) as SimulatedDossier<P>[]) {
          const { code, done } = dossier;
          const status = done.length > 0 ? done[done.length - 1].to : DossierStatus.ACCEPTED;
          const received = sqlInstant(dossier.received);
          let from: DossierStatus = DossierStatus.ACCEPTED;
          let ended: string | null = null;
          // The first wait for the citizen: its length once resumed, or since when while it lasts.
          let waited = false;
          let waitedSince: string | null = null;
          let waitedMs = 0;
          transitions.push(
            code,
            null,
            DossierStatus.ACCEPTED,
            dossier.online ? `citizen-${dossier.applicantPersonalId}` : actor,
            dossier.online ? "CITIZEN" : "COMMUNE_OFFICER",
            received,
            null,
          );
          for (let index = 0; index < done.length; index += 1) {
            const step = done[index];
            const at = sqlInstant(step.at);
            if (ended === null && (step.to === DossierStatus.COMPLETED || step.to === DossierStatus.STOPPED))
              ended = at;
            if (!waited && waitStates.includes(step.to)) {
              waited = true;
              const resumed = done[index + 1];
              if (resumed) waitedMs = resumed.at.getTime() - step.at.getTime();
              else waitedSince = at;
            }
            const role = step.to === DossierStatus.STOPPED ? "COMMUNE_LEADER" : "COMMUNE_OFFICER";
            transitions.push(code, from, step.to, actor, role, at, step.note ?? null);
            from = step.to;
          }
          dossiers.push(
            code,
            dossier.procedure.code,
            communeCode,
            provinceCode,
            dossier.applicantPersonalId,
            dossier.online ? DossierChannel.ONLINE : DossierChannel.DESK,
            status,
            NATIONAL_STATUS_CODE[status],
            done.length + 1,
            received,
            received,
            dueText(dossier.dueAt),
            dossier.dueProvisional ? 1 : 0,
            dossier.dueLimit,
            ended,
            dossier.supplements,
            waitedSince,
            String(waitedMs),
            dueText(dossier.effectiveDue),
          );
        }
        await insertFlatRows(manager, table, DOSSIER_COLUMNS, dossiers);
        await insertFlatRows(manager, "dossier_transition", TRANSITION_COLUMNS, transitions);
      }
    });
    await insertRows(manager, "dossier_sequence", ["scope", "last_value"], [...this.sequences]);
    return this.dossiers.length;
  }
}

const DOSSIER_COLUMNS = [
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
  "due_provisional",
  "due_limit",
  "ended_at",
  "supplement_count",
  "supplement_since",
  "supplement_ms",
  "effective_due_at",
];
const TRANSITION_COLUMNS = ["dossier_code", "from_status", "to_status", "actor", "role", "at", "note"];

/** Inserts rows given as objects keyed by column, in bulk: the columns are named once, by the rows. */
export const insertObjects = async (
  manager: EntityManager,
  table: string,
  rows: readonly Record<string, unknown>[],
): Promise<void> => {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const values: unknown[] = new Array(rows.length * columns.length);
  let at = 0;
  for (const row of rows) for (const column of columns) values[at++] = row[column];
  await insertFlatRows(manager, table, columns, values);
};
