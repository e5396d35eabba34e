import { WorkField } from "../kit/caller";
import { createCatalogue } from "../kit/desk/catalogue";
import { createDesk } from "../kit/desk/desk";
import { FIELD_PREFIX } from "../kit/dossier/code";
import { CIVIL_STATUS_PROCEDURES, type CivilStatusResult, limitFor } from "./catalogue";
import { ReceiveCivilStatusDossierInput } from "./inputs/receive-dossier.input";

/** The mutation that issues each kind of paper, and so completes its dossier (DESIGN §4). */
export const MUTATION_BY_RESULT: Readonly<Record<CivilStatusResult, string>> = {
  BIRTH_CERTIFICATE: "registerBirth",
  DEATH_CERTIFICATE: "registerDeath",
  MARRIAGE_CERTIFICATE: "registerMarriage",
  MARITAL_STATUS_CERTIFICATE: "issueMaritalStatusCertificate",
  EXTRACT_COPY: "issueExtractCopy",
  CORRECTION: "correctBirthRegistration",
};

/** The civil-status desk (bàn hộ tịch) of every commune: the kit's dossier desk with this field's catalogue. */
export const civilStatusDesk = createDesk({
  field: WorkField.CIVIL_STATUS,
  prefix: FIELD_PREFIX.CIVIL_STATUS,
  names: {
    typePrefix: "CivilStatus",
    namespace: "civilStatus",
    vi: "Hộ tịch",
    en: "civil status",
    label: "civil-status",
    table: "civil_status_dossier",
    exampleCode: "10369.HT-250701-0001",
  },
  catalogue: createCatalogue(CIVIL_STATUS_PROCEDURES),
  receiveInput: ReceiveCivilStatusDossierInput,
  limitFor: (procedure, { receipt }) =>
    limitFor(procedure, {
      verificationNeeded: receipt?.verificationNeeded ?? false,
      completionOnly: receipt?.completionOnly ?? false,
    }),
  // Every civil-status procedure completes by entering its paper in a register.
  issuedBy: (procedure) => MUTATION_BY_RESULT[procedure.result],
});

/** A citizen as civil status knows them: by key only (names and residence are the registry's). */
export const CitizenRef = civilStatusDesk.CitizenRef;
export type CitizenRef = InstanceType<typeof CitizenRef>;
