import { CONSUMER_ENTITIES } from "../../kit/events/consumer";
import { landDesk } from "../desk";
import { LandCertificate, LandCertificateEndorsement, LandCertificateHolder } from "./certificate";
import { ConstructionPermit } from "./construction-permit";
import { LandEncumbrance } from "./encumbrance";
import { LandUse } from "./land-use";
import { LandParcel } from "./parcel";

export const landEntities = [
  ...landDesk.entities,
  LandParcel,
  LandUse,
  LandCertificate,
  LandCertificateHolder,
  LandCertificateEndorsement,
  LandEncumbrance,
  ConstructionPermit,
  ...CONSUMER_ENTITIES,
];
