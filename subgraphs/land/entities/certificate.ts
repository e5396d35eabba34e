import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

import { DateScalar } from "../../kit/scalars";
import { CertificateForm, CertificateStatus, HolderRole } from "../enums";

/**
 * Giấy chứng nhận quyền sử dụng đất: a certificate of land-use rights. The register never shows
 * two valid certificates for one parcel: `validParcelId` holds the parcel's id while the
 * certificate is VALID and is null otherwise, and a unique index on it makes the database refuse
 * a second valid one even if two desks decide at the same moment.
 */
@ObjectType("LandCertificate", { description: "Giấy chứng nhận quyền sử dụng đất (GCN) — a land-use certificate" })
@Entity("land_certificate")
@Index("idx_land_certificate_parcel", ["parcelId"])
@Index("uq_land_certificate_valid_parcel", ["validParcelId"], { unique: true })
@Index("uq_land_certificate_serial", ["serial"], { unique: true })
@Index("idx_land_certificate_commune_issued", ["communeCode", "issuedOn"])
@Index("idx_land_certificate_province_issued", ["provinceCode", "issuedOn"])
@Index("idx_land_certificate_dossier", ["dossierCode"])
export class LandCertificate {
  @Field(() => ID, { description: "Số hiệu nội bộ — the register's own number of the certificate" })
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ name: "parcel_id", type: "integer" })
  parcelId: number;

  @Column({ name: "valid_parcel_id", type: "integer", nullable: true })
  validParcelId: number | null;

  @Field({ description: "Số phát hành (số seri) — the serial printed on the certificate" })
  @Column({ type: "varchar", length: 30 })
  serial: string;

  @Field(() => CertificateForm, { description: "Mẫu — the certificate's form" })
  @Column({ type: "varchar", length: 20 })
  form: CertificateForm;

  @Field(() => CertificateStatus, { description: "Tình trạng — valid, replaced, cancelled or revoked" })
  @Column({ type: "varchar", length: 10 })
  status: CertificateStatus;

  @Field(() => DateScalar, { description: "Ngày cấp — the day of issue" })
  @Column({ name: "issued_on", type: "date" })
  issuedOn: string;

  @Field(() => ID, { description: "Nơi cấp — the commune that issued it" })
  @Column({ name: "commune_code", type: "varchar", length: 5 })
  communeCode: string;

  @Column({ name: "province_code", type: "varchar", length: 2 })
  provinceCode: string;

  @Field(() => ID, { nullable: true, description: "Mã hồ sơ — the dossier that issued it; none for older entries" })
  @Column({ name: "dossier_code", type: "varchar", length: 24, nullable: true })
  dossierCode: string | null;

  @Column({ name: "replaces_id", type: "integer", nullable: true })
  replacesId: number | null;
}

/**
 * Người sử dụng đất: one holder named on a certificate, with their role. `deceasedOn` is set when
 * the register learns of the holder's death (civil status's DeathRegistered event), so the desk
 * sees rights held by the deceased before an inheritance is registered.
 */
@ObjectType("LandCertificateHolder", { description: "Người sử dụng đất — a holder named on a certificate" })
@Entity("land_certificate_holder")
@Index("idx_land_certificate_holder_certificate", ["certificateId"])
@Index("idx_land_certificate_holder_person", ["personalId"])
export class LandCertificateHolder {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ name: "certificate_id", type: "integer" })
  certificateId: number;

  @Column({ name: "personal_id", type: "varchar", length: 12 })
  personalId: string;

  @Field(() => HolderRole, { description: "Tư cách — how the holder is named" })
  @Column({ type: "varchar", length: 20 })
  role: HolderRole;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Ngày chết — the holder's date of death, once the register knows of it; the right awaits inheritance",
  })
  @Column({ name: "deceased_on", type: "date", nullable: true })
  deceasedOn: string | null;
}

/** Chỉnh lý biến động: an endorsement on a certificate, the change it records and where it came from. */
@ObjectType("LandCertificateEndorsement", {
  description: "Nội dung chỉnh lý — a change endorsed on a certificate (transfer, exchange, re-issue)",
})
@Entity("land_certificate_endorsement")
@Index("idx_land_endorsement_certificate", ["certificateId"])
@Index("idx_land_endorsement_commune_on", ["communeCode", "endorsedOn"])
@Index("idx_land_endorsement_province_on", ["provinceCode", "endorsedOn"])
export class LandCertificateEndorsement {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ name: "certificate_id", type: "integer" })
  certificateId: number;

  @Field({ description: "Loại — TRANSFER, INHERITANCE, GIFT, CAPITAL_CONTRIBUTION, EXCHANGE, REISSUE or SPLIT" })
  @Column({ type: "varchar", length: 24 })
  kind: string;

  @Field(() => DateScalar, { description: "Ngày chỉnh lý — the day of the endorsement" })
  @Column({ name: "endorsed_on", type: "date" })
  endorsedOn: string;

  @Field({ description: "Nội dung — what changed, as printed on the certificate (Unicode NFC)" })
  @Column({ type: "varchar", length: 300 })
  note: string;

  @Column({ name: "commune_code", type: "varchar", length: 5 })
  communeCode: string;

  @Column({ name: "province_code", type: "varchar", length: 2 })
  provinceCode: string;

  @Field(() => ID, { nullable: true, description: "Mã hồ sơ — the dossier behind the change" })
  @Column({ name: "dossier_code", type: "varchar", length: 24, nullable: true })
  dossierCode: string | null;
}
