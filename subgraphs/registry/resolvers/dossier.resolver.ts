import { Arg, Authorized, Directive, Field, ID, InterfaceType, ObjectType, Query, Resolver } from "type-graphql";

import { DOSSIER_CODE } from "../../kit/dossier/code";
import { badInput } from "../../kit/errors";
import { FIELD_SUBGRAPHS } from "../../kit/manifest";

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

/** A field's dossier type, known here by its code alone (`resolvable: false`): its owner answers the rest. */
const dossierType = (typeName: string, description: string): new () => DossierByCode => {
  @Directive('@key(fields: "code", resolvable: false)')
  @ObjectType(typeName, { implements: DossierByCode, description })
  class FieldDossier extends DossierByCode {}
  return FieldDossier;
};

/** Every field subgraph of the manifest, by its code prefix. */
const BY_PREFIX: Record<string, new () => DossierByCode> = Object.fromEntries(
  FIELD_SUBGRAPHS.map((entry) => [
    entry.dossier!.prefix,
    dossierType(entry.dossier!.typeName, entry.dossier!.description),
  ]),
);

/** The dossier types, for the schema: reached through the interface only. */
export const DOSSIER_TYPES = Object.values(BY_PREFIX);

@Resolver()
export class DossierResolver {
  @Authorized()
  @Query(() => DossierByCode, {
    nullable: true,
    description: `Hồ sơ — any dossier by its code, whichever field owns it (${FIELD_SUBGRAPHS.map((entry) => `${entry.dossier!.prefix} ${entry.dossier!.field}`).join(", ")})`,
  })
  dossier(@Arg("code", () => ID, { description: "Mã hồ sơ — e.g. 10369.HT-250701-0001" }) code: string): DossierByCode {
    const match = DOSSIER_CODE.exec(code);
    const Type = match ? BY_PREFIX[match[2]] : undefined;
    if (!match || !Type) throw badInput("code", `"${code}" is not the code of a dossier this hub handles`);
    return Object.assign(new Type(), { code });
  }
}
