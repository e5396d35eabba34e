import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";

import { Gender } from "../../kit/gender";
import { DateScalar } from "../../kit/scalars";
import { RegisterEntry } from "./register-columns";

/** Đăng ký khai sinh: one birth in the register, keyed by the personal ID issued with it (Law on Civil Status, art. 14(2)). */
@ObjectType("BirthRegistration", {
  implements: RegisterEntry,
  description: "Đăng ký khai sinh — a birth in the civil-status register",
})
@Entity("birth_registration")
@Index("idx_birth_registration_father", ["fatherPersonalId"])
@Index("idx_birth_registration_mother", ["motherPersonalId"])
export class BirthRegistration extends RegisterEntry {
  @Field(() => ID, { description: "Số định danh cá nhân — the child's personal identification number" })
  @PrimaryColumn({ name: "personal_id", type: "varchar", length: 12 })
  personalId: string;

  @Field({ description: "Họ và tên — the child's full name as registered (Unicode NFC)" })
  @Column({ name: "full_name", type: "varchar", length: 150 })
  fullName: string;

  @Field(() => Gender, { description: "Giới tính — gender" })
  @Column({ type: "varchar", length: 8 })
  gender: Gender;

  @Field(() => DateScalar, { description: "Ngày sinh — date of birth" })
  @Column({ name: "birth_date", type: "date" })
  birthDate: string;

  @Field(() => String, { nullable: true, description: "Nơi sinh — place of birth" })
  @Column({ name: "place_of_birth", type: "varchar", length: 200, nullable: true })
  placeOfBirth: string | null;

  @Column({ name: "father_personal_id", type: "varchar", length: 12, nullable: true })
  fatherPersonalId: string | null;

  @Column({ name: "mother_personal_id", type: "varchar", length: 12, nullable: true })
  motherPersonalId: string | null;
}
