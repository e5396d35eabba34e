import { Field, ID, InterfaceType } from "type-graphql";
import { Column } from "typeorm";

import { DateScalar } from "../../kit/scalars";

/**
 * What every civil-status register entry records besides the event itself: where and when it was
 * entered, and the dossier it came from. Entries taken over from the paper books before the hub
 * have no dossier.
 */
@InterfaceType("CivilStatusRegisterEntry", {
  description: "Mục đăng ký hộ tịch — an entry in a civil-status register: where, when and from which dossier",
})
export abstract class RegisterEntry {
  // Named registeredAt in the graph, as the reception desk's query reads it (DESIGN §3); a date, not an instant.
  @Field(() => DateScalar, {
    name: "registeredAt",
    description: "Ngày đăng ký — the day the event was entered in the register",
  })
  @Column({ name: "registered_on", type: "date" })
  registeredOn: string;

  @Field(() => ID, { description: "Nơi đăng ký — the commune whose register holds the entry" })
  @Column({ name: "commune_code", type: "varchar", length: 5 })
  communeCode: string;

  @Column({ name: "province_code", type: "varchar", length: 2 })
  provinceCode: string;

  @Field(() => ID, {
    nullable: true,
    description: "Mã hồ sơ — the dossier that produced the entry; none for entries taken over from the paper books",
  })
  @Column({ name: "dossier_code", type: "varchar", length: 24, nullable: true })
  dossierCode: string | null;
}
