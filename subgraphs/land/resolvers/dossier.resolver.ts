import { createUnionType, Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";

import { LandCertificate } from "../entities/certificate";
import { ConstructionPermit } from "../entities/construction-permit";
import { LandDossier } from "../entities/land-dossier";
import type { LandContext } from "../loaders";

/** What a completed land dossier issued (kết quả giải quyết). */
export const LandResultUnion = createUnionType({
  name: "LandResult",
  description: "Kết quả giải quyết — the certificate or the construction permit a land dossier issued",
  types: () => [LandCertificate, ConstructionPermit] as const,
  resolveType: (value) => (value instanceof ConstructionPermit ? "ConstructionPermit" : "LandCertificate"),
});

/** What a land dossier issued; everything else about it is the kit desk's. */
@Resolver(() => LandDossier)
export class LandDossierResultResolver {
  // A split issues one certificate per part; anything else at most one paper.
  @Directive("@listSize(assumedSize: 10)")
  @FieldResolver(() => [LandResultUnion], {
    description:
      "Kết quả — the certificates and permits the dossier issued, once completed (a split issues one per part); none for a decision recorded outside the register, or while open",
  })
  results(
    @Root() dossier: LandDossier,
    @Ctx() { loaders }: LandContext,
  ): Promise<(LandCertificate | ConstructionPermit)[]> {
    return loaders.resultsByDossier.load(dossier.code);
  }
}
