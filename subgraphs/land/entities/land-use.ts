import { Field, Float, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

import { DateScalar } from "../../kit/scalars";
import { fromTenths } from "./area";

/** Mục đích sử dụng: one use on a parcel with its area and term; a parcel may carry several (ONT + CLN, say). */
@ObjectType("LandUse", { description: "Mục đích sử dụng đất — one use on a parcel, its area and term" })
@Entity("land_use")
@Index("idx_land_use_parcel", ["parcelId"])
export class LandUse {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ name: "parcel_id", type: "integer" })
  parcelId: number;

  @Field({ description: "Mã loại đất — the land-use code, e.g. ONT, ODT, LUC, CLN" })
  @Column({ name: "land_use_code", type: "varchar", length: 3 })
  landUseCode: string;

  @Field({ description: "Bảng mã — the version of the land-use code table the code was entered against" })
  @Column({ name: "code_version", type: "varchar", length: 12 })
  codeVersion: string;

  @Column({ name: "area_tenths_m2", type: "integer" })
  areaTenthsM2: number;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Thời hạn sử dụng — the last day of use; none for stable long-term use (ổn định lâu dài)",
  })
  @Column({ name: "term_until", type: "date", nullable: true })
  termUntil: string | null;

  @Field(() => Float, { description: "Diện tích — the use's area in m²" })
  get areaM2(): number {
    return fromTenths(this.areaTenthsM2);
  }
}
