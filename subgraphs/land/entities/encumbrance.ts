import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

import { DateScalar } from "../../kit/scalars";
import { EncumbranceKind } from "../enums";

/**
 * Hạn chế quyền: a mortgage, dispute, seizure, court measure, recovery decision or fee debt the
 * register records against a parcel, from a day until it is released. A dispute, seizure or court
 * measure bars transfers whatever `blocksTransfer` says (Luật Đất đai 2024 art. 45(1)).
 */
@ObjectType("LandEncumbrance", { description: "Hạn chế quyền sử dụng đất — an encumbrance on a parcel" })
@Entity("land_encumbrance")
@Index("idx_land_encumbrance_parcel", ["parcelId"])
export class LandEncumbrance {
  @Field(() => ID, { description: "Số hiệu — the encumbrance's number in the register" })
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ name: "parcel_id", type: "integer" })
  parcelId: number;

  @Field(() => EncumbranceKind, { description: "Loại — what it is" })
  @Column({ type: "varchar", length: 16 })
  kind: EncumbranceKind;

  @Field({ description: "Chặn chuyển quyền — whether it bars transfers of the parcel" })
  @Column({ name: "blocks_transfer", type: "boolean" })
  blocksTransfer: boolean;

  @Field(() => DateScalar, { description: "Từ ngày — the first day it applies" })
  @Column({ name: "from_date", type: "date" })
  from: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Đến ngày — the day it stopped applying; none while it applies",
  })
  @Column({ name: "until_date", type: "date", nullable: true })
  until: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Căn cứ — the contract, judgment or decision it rests on, e.g. the mortgage contract's number",
  })
  @Column({ type: "varchar", length: 100, nullable: true })
  reference: string | null;

  @Field(() => String, { nullable: true, description: "Ghi chú — a remark" })
  @Column({ type: "varchar", length: 300, nullable: true })
  note: string | null;

  @Column({ name: "commune_code", type: "varchar", length: 5 })
  communeCode: string;
}
