import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";

import { DateScalar } from "../../kit/scalars";
import { RegisterEntry } from "./register-columns";

/** Đăng ký khai tử: a death in the register; a death is registered once (Law on Civil Status, art. 5(4)). */
@ObjectType("DeathRegistration", {
  implements: RegisterEntry,
  description: "Đăng ký khai tử — a death in the civil-status register",
})
@Entity("death_registration")
export class DeathRegistration extends RegisterEntry {
  @Field(() => ID, { description: "Số định danh cá nhân — the deceased's personal identification number" })
  @PrimaryColumn({ name: "personal_id", type: "varchar", length: 12 })
  personalId: string;

  @Field(() => DateScalar, { description: "Ngày chết — date of death" })
  @Column({ name: "died_on", type: "date" })
  diedOn: string;

  @Field(() => String, { nullable: true, description: "Nơi chết — place of death" })
  @Column({ name: "place_of_death", type: "varchar", length: 200, nullable: true })
  placeOfDeath: string | null;
}
