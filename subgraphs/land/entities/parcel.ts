import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

import { DateScalar } from "../../kit/scalars";
import { fromTenths } from "./area";

/**
 * Thửa đất: one parcel of the cadastral map, keyed by its map unit (the commune, usually a
 * pre-merger one, whose cadastral map numbered the sheets from 1), map sheet and parcel number.
 * A parcel split into others is RETIRED and keeps its history; its children name it.
 */
@ObjectType("LandParcel", { description: "Thửa đất — a parcel of the cadastral map, with its uses and rights" })
@Entity("land_parcel")
@Index("uq_land_parcel_key", ["mapUnitCode", "mapSheet", "parcelNumber"], { unique: true })
@Index("idx_land_parcel_commune", ["communeCode"])
export class LandParcel {
  @Field(() => ID, { description: "Số hiệu nội bộ — the register's own number of the parcel" })
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Field(() => ID, {
    description: "Đơn vị bản đồ — the commune whose cadastral map numbers the sheet (often a pre-2025 commune)",
  })
  @Column({ name: "map_unit_code", type: "varchar", length: 5 })
  mapUnitCode: string;

  @Field(() => Int, { description: "Số tờ bản đồ — the map sheet" })
  @Column({ name: "map_sheet", type: "integer" })
  mapSheet: number;

  @Field(() => Int, { description: "Số thửa — the parcel number on the sheet" })
  @Column({ name: "parcel_number", type: "integer" })
  parcelNumber: number;

  @Field(() => ID, { description: "Xã — today's commune whose desk keeps the parcel" })
  @Column({ name: "commune_code", type: "varchar", length: 5 })
  communeCode: string;

  @Column({ name: "province_code", type: "varchar", length: 2 })
  provinceCode: string;

  @Column({ name: "area_tenths_m2", type: "integer" })
  areaTenthsM2: number;

  @Field(() => String, { nullable: true, description: "Địa chỉ thửa đất — the parcel's address (Unicode NFC)" })
  @Column({ type: "varchar", length: 200, nullable: true })
  address: string | null;

  @Field({ description: "Còn hiệu lực — false once the parcel was split into others" })
  @Column({ type: "boolean" })
  active: boolean;

  @Column({ name: "parent_id", type: "integer", nullable: true })
  parentId: number | null;

  @Field(() => DateScalar, { description: "Ngày đăng ký — the day the parcel entered the register" })
  @Column({ name: "registered_on", type: "date" })
  registeredOn: string;

  @Field(() => Float, { description: "Diện tích — the parcel's area in m², to one decimal as certificates print it" })
  get areaM2(): number {
    return fromTenths(this.areaTenthsM2);
  }
}
