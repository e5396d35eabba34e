import type { EntityManager } from "typeorm";

import type { ProcedureLimit, WorkingCalendar } from "../calendar";
import { insertRows, sqlInstant } from "../database";
import { type FieldPrefix, localYyMmDd } from "../dossier/code";
import { DossierChannel } from "../dossier/entities";
import { DossierStatus, NATIONAL_STATUS_CODE } from "../dossier/status";
import type { CommuneForSeeding } from "../population";
import { type DeskProcedure, formatLimit } from "./catalogue";

const HOUR = 3600_000;

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
 * hours over the last months, most returned on time, some late, some still processing past their due
 * date, some filed online, some waiting for the citizen once. Due dates are counted on the working-day
 * calendar as the desk would, provisional ones marked. Each field chooses who files what and issues
 * the results in order of completion; the simulator writes the dossiers, their history and the code
 * counters in bulk.
 */
export class DeskSimulator<P extends DeskProcedure> {
  readonly dossiers: SimulatedDossier<P>[] = [];
  private readonly sequences = new Map<string, number>();
  readonly earliest: number;

  constructor(private readonly options: DeskSimulatorOptions) {
    this.earliest = Math.max(
      options.now.getTime() - options.months * 30 * 24 * HOUR,
      Date.UTC(options.calendar.years[0], 0, 1),
    );
  }

  /** Receipts at each commune, `perCommune` of them, in time order; `pick` draws a procedure from a roll. */
  plan(
    communes: readonly CommuneForSeeding[],
    perCommune: (commune: CommuneForSeeding) => number,
    pick: (roll: number) => P,
  ): PlannedReceipt<P>[] {
    const { calendar, now, random } = this.options;
    const receipts: PlannedReceipt<P>[] = [];
    for (const commune of communes) {
      const count = perCommune(commune);
      for (let i = 0; i < count; i += 1) {
        // A working day in the period, at a desk hour between 07:30 and 16:30 local.
        let received = new Date(this.earliest + random() * (now.getTime() - this.earliest - 2 * HOUR));
        const localDay = new Date(received.getTime() + 7 * HOUR).toISOString().slice(0, 10);
        const day = calendar.isWorkingDay(localDay) ? localDay : calendar.nextWorkingDay(localDay);
        received = new Date(Date.parse(`${day}T00:00:00Z`) - 7 * HOUR + (7.5 + random() * 9) * HOUR);
        const procedure = pick(random());
        const online = random() < 0.25;
        const roll = random();
        if (received <= now) receipts.push({ commune, received, procedure, online, roll });
      }
    }
    return receipts.sort(
      (a, b) => a.received.getTime() - b.received.getTime() || a.commune.code.localeCompare(b.commune.code),
    );
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
    const scope = `${commune.code}.${this.options.prefix}-${localYyMmDd(received)}`;
    const seq = (this.sequences.get(scope) ?? 0) + 1;
    this.sequences.set(scope, seq);
    const span = Math.max(HOUR, due.at.getTime() - received.getTime());
    const at = (fraction: number) => new Date(received.getTime() + fraction * span);
    const waitStates = this.options.waitStates ?? [DossierStatus.SUPPLEMENT_REQUESTED];
    const steps: SimulatedStep[] = [];
    let supplements = 0;
    if (roll < 0.08 && due.at < now) {
      steps.push({ to: DossierStatus.PROCESSING, at: at(0.2) }); // overdue: still processing past its due date
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
    const done = steps.filter((step) => step.at <= now);
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
      dueLimit: formatLimit(limit),
      effectiveDue,
      supplements,
      done,
      completed: done.find((step) => step.to === DossierStatus.COMPLETED),
    };
    this.dossiers.push(dossier);
    return dossier;
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

  /** Writes the dossiers, their history and the code counters, in bulk, into the field's dossier table. */
  async insert(manager: EntityManager, table: string, provinceCode: string): Promise<number> {
    const dossiers: Record<string, unknown>[] = [];
    const transitions: Record<string, unknown>[] = [];
    const waitStates = this.options.waitStates ?? [DossierStatus.SUPPLEMENT_REQUESTED];
    for (const dossier of this.dossiers) {
      const { code, commune, done } = dossier;
      const last = done[done.length - 1];
      const status = last?.to ?? DossierStatus.ACCEPTED;
      const ended =
        done.find((step) => step.to === DossierStatus.COMPLETED || step.to === DossierStatus.STOPPED)?.at ?? null;
      const waited = done.findIndex((step) => waitStates.includes(step.to));
      const resumed = waited >= 0 ? done[waited + 1] : undefined;
      dossiers.push({
        code,
        procedure_code: dossier.procedure.code,
        commune_code: commune.code,
        province_code: provinceCode,
        applicant_personal_id: dossier.applicantPersonalId,
        channel: dossier.online ? DossierChannel.ONLINE : DossierChannel.DESK,
        status,
        national_status_code: NATIONAL_STATUS_CODE[status],
        version: done.length + 1,
        received_at: sqlInstant(dossier.received),
        accepted_at: sqlInstant(dossier.received),
        due_at: sqlInstant(dossier.dueAt),
        due_provisional: dossier.dueProvisional ? 1 : 0,
        due_limit: dossier.dueLimit,
        ended_at: ended ? sqlInstant(ended) : null,
        supplement_count: dossier.supplements,
        supplement_since: waited >= 0 && !resumed ? sqlInstant(done[waited].at) : null,
        supplement_ms: String(waited >= 0 && resumed ? resumed.at.getTime() - done[waited].at.getTime() : 0),
        effective_due_at: sqlInstant(dossier.effectiveDue),
      });
      const actor = `demo-officer-${commune.code}`;
      transitions.push({
        dossier_code: code,
        from_status: null,
        to_status: DossierStatus.ACCEPTED,
        actor: dossier.online ? `citizen-${dossier.applicantPersonalId}` : actor,
        role: dossier.online ? "CITIZEN" : "COMMUNE_OFFICER",
        at: sqlInstant(dossier.received),
        note: null,
      });
      let from: DossierStatus = DossierStatus.ACCEPTED;
      for (const step of done) {
        const role = step.to === DossierStatus.STOPPED ? "COMMUNE_LEADER" : "COMMUNE_OFFICER";
        transitions.push({
          dossier_code: code,
          from_status: from,
          to_status: step.to,
          actor,
          role,
          at: sqlInstant(step.at),
          note: step.note ?? null,
        });
        from = step.to;
      }
    }
    await insertObjects(manager, table, dossiers);
    await insertObjects(manager, "dossier_transition", transitions);
    await insertRows(manager, "dossier_sequence", ["scope", "last_value"], [...this.sequences]);
    return dossiers.length;
  }
}

/** Inserts rows given as objects keyed by column, in bulk: the columns are named once, by the rows. */
export const insertObjects = async (
  manager: EntityManager,
  table: string,
  rows: readonly Record<string, unknown>[],
): Promise<void> => {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  await insertRows(
    manager,
    table,
    columns,
    rows.map((row) => columns.map((column) => row[column])),
  );
};
