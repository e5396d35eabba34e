import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

import { DateScalar } from "../../kit/scalars";
import { PermitKind, PermitStatus, WorkType } from "../enums";
import { fromTenths } from "./area";

/**
 * Giấy phép xây dựng: a construction permit the commune issued for a work on a parcel (NĐ
 * 217/2026). Work must start within 12 months of issue; each of at most two extensions adds 12
 * months (art. 49(10), art. 63(3)(a)).
 */
@ObjectType("ConstructionPermit", { description: "Giấy phép xây dựng — a construction permit" })
@Entity("construction_permit")
@Index("idx_construction_permit_parcel", ["parcelId"])
@Index("idx_construction_permit_holder", ["holderPersonalId"])
@Index("idx_construction_permit_commune_issued", ["communeCode", "issuedOn"])
@Index("idx_construction_permit_province_issued", ["provinceCode", "issuedOn"])
@Index("idx_construction_permit_dossier", ["dossierCode"])
export class ConstructionPermit {
  @Field(() => ID, { description: "Số giấy phép — the permit's number in the register" })
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ name: "parcel_id", type: "integer" })
  parcelId: number;

  @Column({ name: "holder_personal_id", type: "varchar", length: 12 })
  holderPersonalId: string;

  @Field(() => PermitKind, { description: "Loại giấy phép — new, repair or renovation, relocation, temporary" })
  @Column({ type: "varchar", length: 20 })
  kind: PermitKind;

  @Field(() => WorkType, { description: "Loại công trình — individual house or other works" })
  @Column({ name: "work_type", type: "varchar", length: 20 })
  workType: WorkType;

  @Field(() => Int, { description: "Số tầng — floors, counting basements, mezzanines and the roof structure" })
  @Column({ type: "integer" })
  floors: number;

  @Column({ name: "ground_floor_tenths_m2", type: "integer" })
  groundFloorTenthsM2: number;

  @Column({ name: "gross_floor_tenths_m2", type: "integer" })
  grossFloorTenthsM2: number;

  @Field(() => PermitStatus, { description: "Tình trạng — where the permit stands" })
  @Column({ type: "varchar", length: 10 })
  status: PermitStatus;

  @Field(() => DateScalar, { description: "Ngày cấp — the day of issue" })
  @Column({ name: "issued_on", type: "date" })
  issuedOn: string;

  @Field(() => Int, { description: "Số lần gia hạn — extensions granted so far, at most 2" })
  @Column({ type: "integer" })
  extensions: number;

  @Field(() => DateScalar, { description: "Hạn khởi công — the day by which work must start" })
  @Column({ name: "start_deadline", type: "date" })
  startDeadline: string;

  @Field(() => ID, { description: "Nơi cấp — the commune that issued it" })
  @Column({ name: "commune_code", type: "varchar", length: 5 })
  communeCode: string;

  @Column({ name: "province_code", type: "varchar", length: 2 })
  provinceCode: string;

  @Field(() => ID, { nullable: true, description: "Mã hồ sơ — the dossier that issued it" })
  @Column({ name: "dossier_code", type: "varchar", length: 24, nullable: true })
  dossierCode: string | null;

  @Field(() => Float, { description: "Diện tích xây dựng tầng 1 — the ground floor area in m²" })
  get groundFloorAreaM2(): number {
    return fromTenths(this.groundFloorTenthsM2);
  }

  @Field(() => Float, { description: "Tổng diện tích sàn — the gross floor area of all floors in m²" })
  get grossFloorAreaM2(): number {
    return fromTenths(this.grossFloorTenthsM2);
  }
}
