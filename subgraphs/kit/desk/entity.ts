import { Directive, ObjectType } from "type-graphql";
import { Entity } from "typeorm";

import { DossierRecord } from "../dossier/entities";

/**
 * A field's dossier type and table: the shared columns of DossierRecord (kit/dossier/entities.ts,
 * the one definition of the dossier table), under the field's own GraphQL type and table name,
 * as an entity the field owns (`@key(fields: "code")`).
 */
export const defineDossierEntity = (typeName: string, table: string, description: string) => {
  @Directive('@key(fields: "code")')
  @ObjectType(typeName, { implements: DossierRecord, description })
  @Entity(table)
  class FieldDossier extends DossierRecord {}
  Object.defineProperty(FieldDossier, "name", { value: typeName });
  return FieldDossier;
};

export type DossierEntity = ReturnType<typeof defineDossierEntity>;
