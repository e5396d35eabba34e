import { WorkField } from "../kit/caller";
import { createCatalogue } from "../kit/desk/catalogue";
import { createDesk } from "../kit/desk/desk";
import { isDifficultArea } from "../kit/difficult-areas";
import { FIELD_PREFIX } from "../kit/dossier/code";
import { badInput } from "../kit/errors";
import { LAND_PROCEDURES, type LandResult, limitFor } from "./catalogue";
import { ReceiveLandDossierInput } from "./inputs/receive-dossier.input";

/**
 * The mutation that issues each kind of result into the land register, and so completes its
 * dossier (DESIGN §4). Decisions on allocation, disputes, permit adjustments and permit re-issues
 * are papers the commune chair signs outside the register: their dossiers complete with the plain
 * move to COMPLETED.
 */
export const MUTATION_BY_RESULT: Readonly<Partial<Record<LandResult, string>>> = {
  FIRST_CERTIFICATE: "registerFirstCertificate",
  TRANSFER_REGISTRATION: "registerTransfer",
  SPLIT_OR_MERGE: "splitParcel",
  CERTIFICATE_EXCHANGE: "exchangeCertificate",
  CERTIFICATE_REISSUE: "reissueCertificate",
  CONSTRUCTION_PERMIT: "issueConstructionPermit",
  PERMIT_EXTENSION: "extendConstructionPermit",
};

/** The land and construction desk (bàn địa chính – xây dựng) of every commune: the kit's desk with this field's catalogue. */
export const landDesk = createDesk({
  field: WorkField.LAND,
  prefix: FIELD_PREFIX.LAND,
  names: {
    typePrefix: "Land",
    namespace: "land",
    vi: "Địa chính – xây dựng",
    en: "land and construction",
    label: "land",
    table: "land_dossier",
    exampleCode: "10369.DD-250701-0001",
  },
  catalogue: createCatalogue(LAND_PROCEDURES),
  receiveInput: ReceiveLandDossierInput,
  limitFor: (procedure, { communeCode, receipt }) => {
    try {
      return limitFor(procedure, { difficultArea: isDifficultArea(communeCode), caseKey: receipt?.caseKey });
    } catch (error) {
      // The API offers every case of the catalogue, but each procedure has only its own.
      if (error instanceof RangeError) throw badInput("caseKey", error.message);
      throw error;
    }
  },
  issuedBy: (procedure) => MUTATION_BY_RESULT[procedure.result],
  // National status 6: the citizen pays land-use fees and registration taxes; the clock stops.
  financialObligation: true,
});

/** A citizen as land knows them: by key only (names and residence are the registry's). */
export const CitizenRef = landDesk.CitizenRef;
export type CitizenRef = InstanceType<typeof CitizenRef>;
