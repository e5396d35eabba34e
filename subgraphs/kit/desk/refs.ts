import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * The registry's entities as a field subgraph knows them: by key only. Names, birth dates,
 * residence and the units' names are the registry's; the gateway fetches them from there under the
 * registry's rules. Each field hangs its namespace (civilStatus, land, social) off these.
 */
@Directive('@key(fields: "personalId")')
@ObjectType("Citizen")
export class CitizenRef {
  @Field(() => ID)
  personalId: string;

  static of(personalId: string): CitizenRef {
    return Object.assign(new CitizenRef(), { personalId });
  }
}

@Directive('@key(fields: "code")')
@ObjectType("Commune")
export class CommuneRef {
  @Field(() => ID)
  code: string;
}

@Directive('@key(fields: "code")')
@ObjectType("Province")
export class ProvinceRef {
  @Field(() => ID)
  code: string;
}
