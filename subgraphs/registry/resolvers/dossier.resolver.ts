import { Arg, Authorized, Directive, Field, ID, InterfaceType, ObjectType, Query, Resolver } from "type-graphql";

import { DOSSIER_CODE } from "../../kit/dossier/code";
import { badInput } from "../../kit/errors";

/**
 * The registry knows dossiers by code alone: `Query.dossier` reads the field prefix and names the
 * concrete type, and the gateway fetches everything else from the field subgraph that owns it,
 * which also decides who may see it. Only the field subgraphs that exist are routed.
 */
@InterfaceType("Dossier", {
  description: "Hồ sơ thủ tục hành chính — one citizen's request for one procedure at one commune",
})
export abstract class DossierByCode {
  @Field(() => ID, { description: "Mã hồ sơ — {commune}.{HT|DD|XH}-{yyMMdd}-{seq4}, e.g. 10369.HT-250701-0001" })
  code: string;
}

@Directive('@key(fields: "code", resolvable: false)')
@ObjectType({ implements: DossierByCode, description: "Hồ sơ hộ tịch — a civil-status dossier" })
export class CivilStatusDossier extends DossierByCode {}

const BY_PREFIX: Record<string, new () => DossierByCode> = { HT: CivilStatusDossier };

@Resolver()
export class DossierResolver {
  @Authorized()
  @Query(() => DossierByCode, {
    nullable: true,
    description: "Hồ sơ — any dossier by its code, whichever field owns it (HT hộ tịch)",
  })
  dossier(@Arg("code", () => ID, { description: "Mã hồ sơ — e.g. 10369.HT-250701-0001" }) code: string): DossierByCode {
    const match = DOSSIER_CODE.exec(code);
    const Type = match ? BY_PREFIX[match[2]] : undefined;
    if (!match || !Type) throw badInput("code", `"${code}" is not the code of a dossier this hub handles`);
    return Object.assign(new Type(), { code });
  }
}
