import { WorkField } from "../kit/caller";
import { createCatalogue } from "../kit/desk/catalogue";
import { createDesk } from "../kit/desk/desk";
import { FIELD_PREFIX } from "../kit/dossier/code";
import { limitFor, SOCIAL_PROCEDURES, type SocialResult } from "./catalogue";
import { ReceiveSocialDossierInput } from "./inputs/receive-dossier.input";

/** The mutation that issues each kind of result, and so completes its dossier (DESIGN §4). */
export const MUTATION_BY_RESULT: Readonly<Partial<Record<SocialResult, string>>> = {
  ALLOWANCE_DECISION: "grantAllowance",
  PENSION_DECISION: "grantPension",
  FUNERAL_SUPPORT: "decideFuneralSupport",
  DISABILITY_CERTIFICATE: "issueDisabilityCertificate",
  DISABILITY_CERTIFICATE_REISSUE: "issueDisabilityCertificate",
  POVERTY_RECOGNITION: "recognizeHousehold",
};

/** The social-affairs desk (bàn văn hóa – xã hội) of every commune: the kit's desk with this field's catalogue. */
export const socialDesk = createDesk({
  field: WorkField.SOCIAL,
  prefix: FIELD_PREFIX.SOCIAL,
  names: {
    typePrefix: "Social",
    namespace: "social",
    vi: "Văn hóa – xã hội",
    en: "social affairs",
    label: "social",
    table: "social_dossier",
    exampleCode: "10369.XH-260701-0001",
  },
  catalogue: createCatalogue(SOCIAL_PROCEDURES),
  receiveInput: ReceiveSocialDossierInput,
  // The poverty review (1.011607) counts from the next monthly review, the others from acceptance.
  limitFor: (procedure, { acceptedAt }) => limitFor(procedure, acceptedAt),
  issuedBy: (procedure) => MUTATION_BY_RESULT[procedure.result],
});

/** A citizen as social affairs knows them: by key only (names and residence are the registry's). */
export const CitizenRef = socialDesk.CitizenRef;
export type CitizenRef = InstanceType<typeof CitizenRef>;
