import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

import { DateScalar } from "../../kit/scalars";
import { RegisterEntry } from "./register-columns";

export enum MarriageEndReason {
  DIVORCE = "DIVORCE",
  DEATH_OF_SPOUSE = "DEATH_OF_SPOUSE",
}

registerEnumType(MarriageEndReason, {
  name: "MarriageEndReason",
  description: "Lý do chấm dứt hôn nhân — why a marriage ended",
  valuesConfig: {
    DIVORCE: { description: "Ly hôn — a divorce judgment or decision took effect" },
    DEATH_OF_SPOUSE: { description: "Vợ hoặc chồng chết — one spouse died" },
  },
});

/**
 * Đăng ký kết hôn: a marriage in the register, from the day it is registered (Law on Marriage and
 * Family 2014, art. 9) until it ends by divorce or death; husband and wife as the certificate
 * names them.
 */
@ObjectType("MarriageRegistration", {
  implements: RegisterEntry,
  description: "Đăng ký kết hôn — a marriage in the civil-status register",
})
@Entity("marriage_registration")
@Index("idx_marriage_registration_husband", ["husbandPersonalId"])
@Index("idx_marriage_registration_wife", ["wifePersonalId"])
export class MarriageRegistration extends RegisterEntry {
  @Field(() => ID, { description: "Số đăng ký — the entry's number in the register" })
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ name: "husband_personal_id", type: "varchar", length: 12 })
  husbandPersonalId: string;

  @Column({ name: "wife_personal_id", type: "varchar", length: 12 })
  wifePersonalId: string;

  /** Whose record this is when read from one person's side: `spouse` is then the other party. Not stored. */
  viewedFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: "Ngày chấm dứt — the day the marriage ended, if it has" })
  @Column({ name: "ended_on", type: "date", nullable: true })
  endedOn: string | null;

  @Field(() => MarriageEndReason, { nullable: true, description: "Lý do chấm dứt — divorce or a spouse's death" })
  @Column({ name: "end_reason", type: "varchar", length: 20, nullable: true })
  endReason: MarriageEndReason | null;
}
