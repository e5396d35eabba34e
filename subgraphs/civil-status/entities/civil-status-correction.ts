import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

import { RegisterEntry } from "./register-columns";

/** What a correction of a birth registration may change here; a birth date or gender change also changes the personal ID, which is the population database's. */
export enum CorrectableBirthField {
  FULL_NAME = "FULL_NAME",
  PLACE_OF_BIRTH = "PLACE_OF_BIRTH",
}

registerEnumType(CorrectableBirthField, {
  name: "CorrectableBirthField",
  description: "Mục được cải chính — which part of a birth registration is changed, corrected or completed",
  valuesConfig: {
    FULL_NAME: { description: "Họ, chữ đệm, tên — the full name" },
    PLACE_OF_BIRTH: { description: "Nơi sinh — the place of birth" },
  },
});

/**
 * Thay đổi, cải chính, bổ sung hộ tịch: one amendment of a birth registration, with the value it
 * replaced, so the register keeps its history (Law on Civil Status 2014, art. 26–29).
 */
@ObjectType("CivilStatusCorrection", {
  implements: RegisterEntry,
  description: "Thay đổi, cải chính, bổ sung hộ tịch — an amendment of a birth registration",
})
@Entity("civil_status_correction")
@Index("idx_civil_status_correction_person", ["personalId"])
export class CivilStatusCorrection extends RegisterEntry {
  @Field(() => ID, { description: "Số — the amendment's number" })
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Field(() => ID, { description: "Số định danh cá nhân — whose birth registration was amended" })
  @Column({ name: "personal_id", type: "varchar", length: 12 })
  personalId: string;

  @Field(() => CorrectableBirthField, { description: "Mục — what was amended" })
  @Column({ type: "varchar", length: 20 })
  field: CorrectableBirthField;

  @Field(() => String, { nullable: true, description: "Nội dung cũ — the value before; none when it was completed" })
  @Column({ name: "previous_value", type: "varchar", length: 200, nullable: true })
  previousValue: string | null;

  @Field({ description: "Nội dung mới — the value now registered" })
  @Column({ name: "new_value", type: "varchar", length: 200 })
  newValue: string;
}
