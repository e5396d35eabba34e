import { CalendarCoverageError } from "../../kit/calendar";
import type { Caller } from "../../kit/caller";
import type { MoveHooks } from "../../kit/dossier/workflow";
import { forbidden, notFound, unavailable } from "../../kit/errors";
import { canWorkOnDossier } from "../access";
import { type CivilStatusProcedure, limitFor, procedureByCode } from "../catalogue";
import type { CivilStatusDossier } from "../entities/civil-status-dossier";
import type { CivilStatusServices } from "../loaders";

/**
 * The statutory due date of a dossier accepted now. A due date in a year the calendar has no file
 * for cannot be computed honestly, so the receipt is refused with a clear error rather than given a
 * guessed date: the operator installs the year's file (infra/calendar) once it is announced.
 */
export const dueDateFor = (
  services: CivilStatusServices,
  procedure: CivilStatusProcedure,
  acceptedAt: Date,
  verificationNeeded: boolean,
): Date => {
  try {
    return services.calendar.dueAt(acceptedAt, limitFor(procedure, { verificationNeeded }));
  } catch (error) {
    if (error instanceof CalendarCoverageError) {
      throw unavailable(
        `The working-day calendar has no file for ${error.year}, so the due date cannot be fixed; add infra/calendar/${error.year}.json once the year's holidays are announced`,
      );
    }
    throw error;
  }
};

/** How civil-status dossiers move: who may touch them, and how their due dates are fixed and extended. */
export const civilStatusMoveHooks = (caller: Caller, services: CivilStatusServices): MoveHooks<CivilStatusDossier> => ({
  authorize: (dossier) => {
    if (!canWorkOnDossier(caller, dossier)) throw forbidden(`You may not work on dossier ${dossier.code}`);
  },
  extendDue: (dossier, due, waitedFrom, waitedTo) =>
    services.calendar.extendedDueAt({
      acceptedAt: new Date(dossier.acceptedAt ?? waitedFrom),
      dueAt: due,
      supplementIntervals: [{ from: waitedFrom, to: waitedTo }],
      until: waitedTo,
    }),
  dueAt: (dossier, acceptedAt) => {
    const procedure = procedureByCode(dossier.procedureCode);
    if (!procedure) throw notFound("Procedure", dossier.procedureCode);
    return dueDateFor(services, procedure, acceptedAt, false);
  },
});
