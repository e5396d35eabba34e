import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";

import { DateScalar, DateTimeScalar } from "../../kit/scalars";
import {
  AreaType,
  BenefitEndReason,
  BenefitProgram,
  FuneralSupportStatus,
  HouseholdClassification,
  PaymentStatus,
} from "../enums";

/**
 * What social affairs knows of a person beyond the registry's key: the birth date its decisions
 * were made on, the date of death civil status reported (DESIGN §3), and the merit status the
 * province keeps (read only here).
 */
@Entity("social_person")
export class SocialPerson {
  @PrimaryColumn({ name: "personal_id", type: "varchar", length: 12 })
  personalId: string;

  @Column({ name: "birth_date", type: "date", nullable: true })
  birthDate: string | null;

  @Column({ name: "deceased_on", type: "date", nullable: true })
  deceasedOn: string | null;

  /** Người có công: the category, when the person has merit status (read only: paid through the province). */
  @Column({ name: "merit_category", type: "varchar", length: 60, nullable: true })
  meritCategory: string | null;
}

/**
 * Quyết định hưởng: one decision granting a monthly benefit from `startMonth`, until `endMonth`
 * (the last month paid) when it stopped. `amountTenths` is what the amount is counted on, in
 * tenths of the base level: the group's coefficient, plus 1.0 per child for a single poor parent
 * (NĐ 20/2021 art. 6(2)); 0 for the social pension, whose amount is fixed per province.
 */
@ObjectType("SocialBenefit", { description: "Chế độ hưởng — a decision granting a monthly benefit" })
@Entity("social_benefit")
@Index("idx_social_benefit_person", ["personalId"])
@Index("idx_social_benefit_commune", ["communeCode", "startMonth"])
// Covers the month's running benefits of a province, in the order they are grouped (migration 1751328000400).
@Index("idx_social_benefit_province_groups", [
  "provinceCode",
  "communeCode",
  "program",
  "groupCode",
  "startMonth",
  "endMonth",
  "amountTenths",
])
export class SocialBenefit {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ name: "personal_id", type: "varchar", length: 12 })
  personalId: string;

  @Field(() => BenefitProgram, { description: "Chế độ — the programme" })
  @Column({ type: "varchar", length: 20 })
  program: BenefitProgram;

  @Field(() => String, {
    nullable: true,
    description: "Nhóm đối tượng — the allowance group (e.g. ND20-5.6-DBN-ADULT); none for the pension",
  })
  @Column({ name: "group_code", type: "varchar", length: 30, nullable: true })
  groupCode: string | null;

  @Column({ name: "coefficient_tenths", type: "integer", nullable: true })
  coefficientTenths: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Số con đang nuôi — children counted for the single-parent addition",
  })
  @Column({ type: "integer", nullable: true })
  children: number | null;

  @Column({ name: "amount_tenths", type: "integer" })
  amountTenths: number;

  @Field({ description: "Số quyết định — the commune chair's decision" })
  @Column({ name: "decision_no", type: "varchar", length: 40 })
  decisionNo: string;

  @Field(() => DateScalar, { description: "Ngày quyết định — the decision's date" })
  @Column({ name: "decision_date", type: "date" })
  decisionDate: string;

  @Column({ name: "dossier_code", type: "varchar", length: 24, nullable: true })
  dossierCode: string | null;

  @Field({ description: "Hưởng từ tháng — the first month paid (YYYY-MM)" })
  @Column({ name: "start_month", type: "varchar", length: 7 })
  startMonth: string;

  @Field(() => String, { nullable: true, description: "Đến tháng — the last month paid (YYYY-MM); none while it runs" })
  @Column({ name: "end_month", type: "varchar", length: 7, nullable: true })
  endMonth: string | null;

  @Field(() => BenefitEndReason, { nullable: true, description: "Lý do thôi hưởng — why it stopped" })
  @Column({ name: "end_reason", type: "varchar", length: 20, nullable: true })
  endReason: BenefitEndReason | null;

  @Column({ name: "commune_code", type: "varchar", length: 5 })
  communeCode: string;

  @Column({ name: "province_code", type: "varchar", length: 2 })
  provinceCode: string;

  @Field(() => Float, { nullable: true, description: "Hệ số — the group's coefficient (NĐ 20/2021 art. 6)" })
  get coefficient(): number | null {
    return this.coefficientTenths === null ? null : this.coefficientTenths / 10;
  }
}

/** Chi trả: one month paid to one person under one decision, written when the month's roll is closed. */
@ObjectType("SocialPayment", { description: "Chi trả — one month paid under a decision" })
@Entity("social_payment")
@Index("idx_social_payment_benefit_month", ["benefitId", "month"], { unique: true })
@Index("idx_social_payment_commune_month", ["communeCode", "month"])
@Index("idx_social_payment_province_month", ["provinceCode", "month"])
@Index("idx_social_payment_person", ["personalId", "month"])
export class SocialPayment {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ name: "benefit_id", type: "integer" })
  benefitId: number;

  @Column({ name: "personal_id", type: "varchar", length: 12 })
  personalId: string;

  @Field({ description: "Tháng — the month paid (YYYY-MM)" })
  @Column({ type: "varchar", length: 7 })
  month: string;

  @Field(() => Float, { description: "Số tiền — the amount in whole VND" })
  @Column({
    name: "amount_vnd",
    type: "bigint",
    transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) },
  })
  amountVnd: number;

  @Field(() => BenefitProgram, { description: "Chế độ — the programme paid" })
  @Column({ type: "varchar", length: 20 })
  program: BenefitProgram;

  @Field({ description: "Số quyết định — the decision it was paid under" })
  @Column({ name: "decision_no", type: "varchar", length: 40 })
  decisionNo: string;

  @Field(() => DateTimeScalar, { description: "Ngày chi — when the roll was closed and paid" })
  @Column({ name: "paid_at", type: "datetime", precision: 3 })
  paidAt: Date;

  @Field(() => PaymentStatus, { description: "Trạng thái — paid, or paid after the benefit stopped (to recover)" })
  @Column({ type: "varchar", length: 24 })
  status: PaymentStatus;

  @Column({ name: "commune_code", type: "varchar", length: 5 })
  communeCode: string;

  @Column({ name: "province_code", type: "varchar", length: 2 })
  provinceCode: string;
}

/** A closed month of a commune's roll: from then on the roll is what was paid, whatever changes later. */
@Entity("social_roll_closure")
@Index("idx_social_roll_closure_province_month", ["provinceCode", "month"])
export class SocialRollClosure {
  @PrimaryColumn({ name: "commune_code", type: "varchar", length: 5 })
  communeCode: string;

  @PrimaryColumn({ type: "varchar", length: 7 })
  month: string;

  @Column({ name: "province_code", type: "varchar", length: 2 })
  provinceCode: string;

  @Column({ name: "closed_at", type: "datetime", precision: 3 })
  closedAt: Date;

  @Column({ name: "closed_by", type: "varchar", length: 100 })
  closedBy: string;
}

/** Hộ gia đình: a household's poverty review for one year, with its members. */
@ObjectType("SocialHousehold", { description: "Hộ gia đình — a household's poverty classification for a year" })
@Entity("social_household")
@Index("idx_social_household_code_year", ["code", "year"], { unique: true })
@Index("idx_social_household_commune", ["communeCode", "year"])
export class SocialHousehold {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Field(() => ID, { description: "Mã hộ — the household's number in the residence register" })
  @Column({ type: "varchar", length: 20 })
  code: string;

  @Field(() => Int, { description: "Năm — the year reviewed" })
  @Column({ type: "integer" })
  year: number;

  @Field(() => HouseholdClassification, { description: "Phân loại — poor, near-poor or neither" })
  @Column({ type: "varchar", length: 12 })
  classification: HouseholdClassification;

  @Field({ description: "Chuẩn nghèo — the poverty standard applied (ND07-2021, ND351-2025)" })
  @Column({ type: "varchar", length: 12 })
  standard: string;

  @Field(() => Float, { description: "Thu nhập bình quân — income per person per month, whole VND" })
  @Column({ name: "income_per_capita_vnd", type: "integer" })
  incomePerCapitaVnd: number;

  @Field(() => Int, { description: "Số chỉ số thiếu hụt — basic-service deprivations" })
  @Column({ name: "deprivation_count", type: "integer" })
  deprivationCount: number;

  @Field(() => AreaType, { description: "Khu vực — rural or urban" })
  @Column({ name: "area_type", type: "varchar", length: 5 })
  areaType: AreaType;

  @Column({ name: "head_personal_id", type: "varchar", length: 12 })
  headPersonalId: string;

  @Field(() => String, { nullable: true, description: "Số quyết định công nhận — the recognition decision" })
  @Column({ name: "decision_no", type: "varchar", length: 40, nullable: true })
  decisionNo: string | null;

  @Column({ name: "dossier_code", type: "varchar", length: 24, nullable: true })
  dossierCode: string | null;

  @Column({ name: "commune_code", type: "varchar", length: 5 })
  communeCode: string;

  @Column({ name: "province_code", type: "varchar", length: 2 })
  provinceCode: string;
}

@Entity("social_household_member")
@Index("idx_social_household_member_household", ["householdId"])
@Index("idx_social_household_member_person", ["personalId"])
export class SocialHouseholdMember {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ name: "household_id", type: "integer" })
  householdId: number;

  @Column({ name: "personal_id", type: "varchar", length: 12 })
  personalId: string;

  @Column({ type: "varchar", length: 40 })
  relation: string;
}

/** Giấy xác nhận khuyết tật (TT 01/2019): the level and type of a person's disability. */
@ObjectType("DisabilityCertificate", { description: "Giấy xác nhận khuyết tật — a disability certificate" })
@Entity("social_disability_certificate")
@Index("idx_social_disability_person", ["personalId"])
@Index("idx_social_disability_number", ["number"], { unique: true })
export class DisabilityCertificate {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ name: "personal_id", type: "varchar", length: 12 })
  personalId: string;

  @Field({ description: "Số giấy — the certificate's number" })
  @Column({ type: "varchar", length: 30 })
  number: string;

  @Field({ description: "Mức độ khuyết tật — DAC_BIET_NANG (đặc biệt nặng), NANG (nặng) or NHE (nhẹ)" })
  @Column({ type: "varchar", length: 16 })
  level: string;

  @Field({ description: "Dạng khuyết tật — the type of disability (VAN_DONG, NGHE_NOI, NHIN, …)" })
  @Column({ type: "varchar", length: 24 })
  kind: string;

  @Field(() => DateScalar, { description: "Ngày cấp — issued on" })
  @Column({ name: "issued_on", type: "date" })
  issuedOn: string;

  @Column({ name: "dossier_code", type: "varchar", length: 24, nullable: true })
  dossierCode: string | null;

  @Column({ name: "commune_code", type: "varchar", length: 5 })
  communeCode: string;

  @Column({ name: "province_code", type: "varchar", length: 2 })
  provinceCode: string;
}

/** Hỗ trợ chi phí mai táng: proposed when a beneficiary's death is registered, decided at the desk. */
@ObjectType("FuneralSupport", { description: "Hỗ trợ chi phí mai táng — funeral support for a beneficiary who died" })
@Entity("social_funeral_support")
@Index("idx_social_funeral_deceased", ["deceasedPersonalId"], { unique: true })
@Index("idx_social_funeral_dossier", ["dossierCode"])
export class FuneralSupport {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ name: "deceased_personal_id", type: "varchar", length: 12 })
  deceasedPersonalId: string;

  @Field(() => DateScalar, { description: "Ngày chết — the date of death" })
  @Column({ name: "died_on", type: "date" })
  diedOn: string;

  @Field(() => BenefitProgram, { description: "Chế độ — the benefit the deceased received" })
  @Column({ type: "varchar", length: 20 })
  program: BenefitProgram;

  @Field(() => Float, { description: "Số tiền — at least 20 × the base level on the day of death, whole VND" })
  @Column({ name: "amount_vnd", type: "integer" })
  amountVnd: number;

  @Field(() => FuneralSupportStatus, { description: "Trạng thái — proposed or decided" })
  @Column({ type: "varchar", length: 10 })
  status: FuneralSupportStatus;

  @Field({ description: "Hồ sơ — the funeral-support dossier (code)" })
  @Column({ name: "dossier_code", type: "varchar", length: 24 })
  dossierCode: string;

  @Field(() => String, { nullable: true, description: "Số quyết định — the decision, once decided" })
  @Column({ name: "decision_no", type: "varchar", length: 40, nullable: true })
  decisionNo: string | null;

  @Column({ name: "commune_code", type: "varchar", length: 5 })
  communeCode: string;

  @Column({ name: "province_code", type: "varchar", length: 2 })
  provinceCode: string;
}
