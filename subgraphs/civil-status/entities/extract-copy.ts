import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

import { RegisterEntry } from "./register-columns";

export enum CivilStatusRegister {
  BIRTH = "BIRTH",
  MARRIAGE = "MARRIAGE",
  DEATH = "DEATH",
}

registerEnumType(CivilStatusRegister, {
  name: "CivilStatusRegister",
  description: "Sổ hộ tịch — which register an extract is copied from",
  valuesConfig: {
    BIRTH: { description: "Khai sinh — the birth register" },
    MARRIAGE: { description: "Kết hôn — the marriage register" },
    DEATH: { description: "Khai tử — the death register" },
  },
});

/** Bản sao trích lục hộ tịch: copies of one person's entry in one register, issued the same day. */
@ObjectType("ExtractCopy", {
  implements: RegisterEntry,
  description: "Bản sao trích lục hộ tịch — copies of a civil-status extract",
})
@Entity("extract_copy")
@Index("idx_extract_copy_person", ["personalId"])
export class ExtractCopy extends RegisterEntry {
  @Field(() => ID, { description: "Số — the issue's number" })
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Field(() => ID, { description: "Số định danh cá nhân — whose entry is copied" })
  @Column({ name: "personal_id", type: "varchar", length: 12 })
  personalId: string;

  @Field(() => CivilStatusRegister, { description: "Sổ — the register copied from" })
  @Column({ type: "varchar", length: 10 })
  register: CivilStatusRegister;

  @Field(() => Int, { description: "Số bản — how many copies were issued" })
  @Column({ type: "integer" })
  copies: number;
}
