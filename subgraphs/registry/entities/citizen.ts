import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";

import { Gender } from "../../kit/gender";
import { DateScalar } from "../../kit/scalars";

export { Gender };

/** Personal data: every read goes through the registry's citizen guard and is audited. */
@Directive('@key(fields: "personalId")')
@ObjectType({ description: "Công dân — a person in the population reference" })
@Entity("citizen")
@Index("idx_citizen_residence_search", ["residenceCommuneCode", "searchName", "personalId"])
@Index("idx_citizen_search", ["searchName", "personalId"])
export class Citizen {
  @Field(() => ID, { description: "Số định danh cá nhân — 12-digit personal identification number" })
  @PrimaryColumn({ name: "personal_id", type: "varchar", length: 12 })
  personalId: string;

  @Field({ description: "Họ và tên — full name (Unicode NFC)" })
  @Column({ name: "full_name", type: "varchar", length: 150 })
  fullName: string;

  @Field(() => Gender, { description: "Giới tính — gender" })
  @Column({ type: "varchar", length: 8 })
  gender: Gender;

  @Field(() => DateScalar, { description: "Ngày sinh — date of birth" })
  @Column({ name: "birth_date", type: "date" })
  birthDate: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "Ngày chết — date of death, as registered at civil status (đăng ký khai tử); null while none is registered",
  })
  @Column({ name: "deceased_on", type: "date", nullable: true })
  deceasedOn: string | null;

  @Column({ name: "residence_commune_code", type: "varchar", length: 5 })
  residenceCommuneCode: string;

  /** The full name folded for search: lower case, no diacritics, đ → d. */
  @Column({ name: "search_name", type: "varchar", length: 150 })
  searchName: string;
}
