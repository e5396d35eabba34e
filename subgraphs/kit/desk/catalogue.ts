import type { ProcedureLimit } from "../calendar";

/**
 * What the dossier desk needs to know of a procedure (DESIGN §5): its national code, its names and
 * its statutory limit with the legal basis. Each field's catalogue adds what its own rules need
 * (the kind of result, a longer limit when facts must be verified, a case that changes the limit).
 */
export interface DeskProcedure {
  /** The procedure's code in the national database of administrative procedures. */
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
  /** The ordinary limit, counted on the working-day calendar. */
  readonly limit: ProcedureLimit;
  /** The article of the law and the implementing instruments, most specific first. */
  readonly legalBasis: readonly string[];
  /** What could not be confirmed about the entry, if anything. */
  readonly note?: string;
}

/** A field's procedures, looked up by code. */
export interface Catalogue<P extends DeskProcedure> {
  readonly procedures: readonly P[];
  byCode(code: string): P | undefined;
}

export const createCatalogue = <P extends DeskProcedure>(procedures: readonly P[]): Catalogue<P> => {
  const byCode = new Map(procedures.map((procedure) => [procedure.code, procedure]));
  if (byCode.size !== procedures.length) throw new Error("A catalogue lists a procedure code twice");
  return { procedures, byCode: (code) => byCode.get(code) };
};

/** A limit as stored with a dossier, so that its due date can be counted again: "WORKING_DAYS:3", "SAME_DAY". */
export const formatLimit = (limit: ProcedureLimit): string =>
  limit.kind === "SAME_DAY" ? "SAME_DAY" : `${limit.kind}:${limit.days}`;

export const parseLimit = (stored: string): ProcedureLimit | undefined => {
  if (stored === "SAME_DAY") return { kind: "SAME_DAY" };
  const match = /^(WORKING_DAYS|CALENDAR_DAYS):(\d+)$/.exec(stored);
  return match ? { kind: match[1] as "WORKING_DAYS" | "CALENDAR_DAYS", days: Number(match[2]) } : undefined;
};
