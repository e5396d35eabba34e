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
