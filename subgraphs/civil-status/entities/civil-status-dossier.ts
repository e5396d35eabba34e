import { Directive, ObjectType } from "type-graphql";
import { Entity } from "typeorm";

import { DossierRecord } from "../../kit/dossier/entities";

/** Hồ sơ hộ tịch: a dossier for a civil-status procedure, kept in the civil-status database. */
@Directive('@key(fields: "code")')
@ObjectType({ implements: DossierRecord, description: "Hồ sơ hộ tịch — a civil-status dossier" })
@Entity("civil_status_dossier")
export class CivilStatusDossier extends DossierRecord {}
