import { DOSSIER_CODE, FIELD_PREFIX } from "../../kit/dossier/code";
import { badInput } from "../../kit/errors";
import { CIVIL_STATUS_PROCEDURES, type CivilStatusResult } from "../catalogue";

/** The mutation that issues each kind of result. */
const MUTATION_BY_RESULT: Readonly<Partial<Record<CivilStatusResult, string>>> = {
  BIRTH_CERTIFICATE: "registerBirth",
  DEATH_CERTIFICATE: "registerDeath",
  MARRIAGE_CERTIFICATE: "registerMarriage",
  MARITAL_STATUS_CERTIFICATE: "issueMaritalStatusCertificate",
  EXTRACT_COPY: "issueExtractCopy",
  CORRECTION: "correctBirthRegistration",
};

/**
 * Procedures whose dossier completes only by issuing its result (DESIGN §4: the result and the
 * completion in one transaction), by procedure code, with the mutation that does it.
 */
export const ISSUING_MUTATION: Readonly<Record<string, string | undefined>> = Object.fromEntries(
  CIVIL_STATUS_PROCEDURES.map((procedure) => [procedure.code, MUTATION_BY_RESULT[procedure.result]]),
);

export const requireCivilStatusCode = (code: string, field = "code"): void => {
  const match = DOSSIER_CODE.exec(code);
  if (!match || match[2] !== FIELD_PREFIX.CIVIL_STATUS) {
    throw badInput(field, `"${code}" is not a civil-status dossier code ({commune}.HT-{yyMMdd}-{nnnn})`);
  }
};
