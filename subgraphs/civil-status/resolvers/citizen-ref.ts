import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * A citizen as civil status knows them: by key only. Names, birth dates and residence are the
 * registry's; the gateway fetches them from there under the registry's own rules.
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
