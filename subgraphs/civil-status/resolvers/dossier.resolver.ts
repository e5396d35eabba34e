import { createUnionType, Ctx, FieldResolver, Resolver, Root } from "type-graphql";

import { BirthRegistration } from "../entities/birth-registration";
import { CivilStatusCorrection } from "../entities/civil-status-correction";
import { CivilStatusDossier } from "../entities/civil-status-dossier";
import { DeathRegistration } from "../entities/death-registration";
import { ExtractCopy } from "../entities/extract-copy";
import { MaritalStatusCertificate } from "../entities/marital-status-certificate";
import { MarriageRegistration } from "../entities/marriage-registration";
import type { CivilStatusContext, IssuedResult } from "../loaders";

/** The paper a completed dossier issued (kết quả giải quyết). */
export const CivilStatusResultUnion = createUnionType({
  name: "CivilStatusResult",
  description: "Kết quả giải quyết — the paper a civil-status dossier issued",
  types: () =>
    [
      BirthRegistration,
      DeathRegistration,
      MarriageRegistration,
      MaritalStatusCertificate,
      ExtractCopy,
      CivilStatusCorrection,
    ] as const,
  resolveType: (value) => {
    if (value instanceof BirthRegistration) return "BirthRegistration";
    if (value instanceof DeathRegistration) return "DeathRegistration";
    if (value instanceof MarriageRegistration) return "MarriageRegistration";
    if (value instanceof MaritalStatusCertificate) return "MaritalStatusCertificate";
    if (value instanceof CivilStatusCorrection) return "CivilStatusCorrection";
    return "ExtractCopy";
  },
});

/** What a civil-status dossier issued; everything else about it is the kit desk's. */
@Resolver(() => CivilStatusDossier)
export class CivilStatusDossierResultResolver {
  @FieldResolver(() => CivilStatusResultUnion, {
    nullable: true,
    description: "Kết quả — the paper the dossier issued, once completed",
  })
  result(@Root() dossier: CivilStatusDossier, @Ctx() { loaders }: CivilStatusContext): Promise<IssuedResult | null> {
    return loaders.result.load(`${dossier.procedureCode}|${dossier.code}`);
  }
}
