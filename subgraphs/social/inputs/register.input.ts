import { Field, Float, ID, InputType, Int } from "type-graphql";

import { DateScalar } from "../../kit/scalars";
import { AreaType } from "../enums";

/** The dossier a result completes, at the version the officer saw. */
@InputType("IssueSocialResultInput", { description: "Cấp kết quả — which social dossier a result completes" })
export abstract class IssueSocialResultInput {
  @Field(() => ID, { description: "Mã hồ sơ — the dossier this result completes" })
  dossierCode: string;

  @Field(() => Int, { description: "Phiên bản — the dossier's version the officer saw" })
  expectedVersion: number;
}

@InputType({ description: "Người hưởng — the person a decision is for, as on their papers" })
export class BeneficiaryInput {
  @Field(() => ID, { description: "Số định danh cá nhân — 12 digits" })
  personalId: string;

  @Field(() => DateScalar, { description: "Ngày sinh — date of birth" })
  birthDate: string;
}

@InputType({
  description:
    "Quyết định trợ cấp xã hội hằng tháng — grant (or adjust) a monthly social allowance or care support (1.001776)",
})
export class GrantAllowanceInput extends IssueSocialResultInput {
  @Field(() => BeneficiaryInput)
  person: BeneficiaryInput;

  @Field({ description: "Nhóm đối tượng — the group's code in the table (e.g. ND20-5.6-DBN-ADULT, HN-NQ63-ELDER-80)" })
  groupCode: string;

  @Field(() => Float, {
    nullable: true,
    description: "Hệ số — the coefficient on the decision, if entered: it must be the table's for the group",
  })
  coefficient?: number;

  @Field(() => Int, {
    nullable: true,
    description: "Số con — children raised by a single poor parent (NĐ 20/2021 art. 5(4)): 1.0 each on top",
  })
  children?: number;

  @Field({ description: "Hưởng từ tháng — the first month paid (YYYY-MM): the month the chair signs, or later" })
  startMonth: string;

  @Field({ description: "Số quyết định — the chair's decision number" })
  decisionNo: string;
}

@InputType({ description: "Quyết định trợ cấp hưu trí xã hội — grant the social pension (1.014027)" })
export class GrantPensionInput extends IssueSocialResultInput {
  @Field(() => BeneficiaryInput)
  person: BeneficiaryInput;

  @Field({ description: "Hưởng từ tháng — the first month paid (YYYY-MM)" })
  startMonth: string;

  @Field({ description: "Số quyết định — the chair's decision number" })
  decisionNo: string;

  @Field(() => ID, {
    nullable: true,
    description: "Mã hộ — the person's household, whose poor or near-poor status lets a person of 70–74 qualify",
  })
  householdCode?: string;
}

@InputType({ description: "Thành viên hộ — one member of a household" })
export class HouseholdMemberInput {
  @Field(() => ID, { description: "Số định danh cá nhân — 12 digits" })
  personalId: string;

  @Field({ description: "Quan hệ với chủ hộ — relation to the head (chủ hộ, vợ, con, …)" })
  relation: string;
}

@InputType({
  description: "Công nhận hộ nghèo, hộ cận nghèo — a household's review in the monthly cycle (1.011607)",
})
export class RecognizeHouseholdInput extends IssueSocialResultInput {
  @Field(() => ID, { description: "Mã hộ — the household's number in the residence register" })
  householdCode: string;

  @Field(() => Int, { description: "Năm — the year reviewed" })
  year: number;

  @Field(() => AreaType, { description: "Khu vực — rural or urban" })
  areaType: AreaType;

  @Field(() => Float, { description: "Thu nhập bình quân — income per person per month, whole VND" })
  incomePerCapitaVnd: number;

  @Field(() => Int, { description: "Số chỉ số thiếu hụt — basic-service deprivations (0–12)" })
  deprivationCount: number;

  @Field(() => ID, { description: "Chủ hộ — the head, one of the members" })
  headPersonalId: string;

  @Field(() => [HouseholdMemberInput], { description: "Thành viên — every member" })
  members: HouseholdMemberInput[];

  @Field({ description: "Số quyết định — the recognition decision" })
  decisionNo: string;
}

@InputType({
  description: "Cấp giấy xác nhận khuyết tật — issue (or re-issue) a disability certificate (1.001699, 1.001653)",
})
export class IssueDisabilityCertificateInput extends IssueSocialResultInput {
  @Field(() => BeneficiaryInput)
  person: BeneficiaryInput;

  @Field({ description: "Số giấy — the certificate's number" })
  number: string;

  @Field({ description: "Mức độ — DAC_BIET_NANG, NANG or NHE" })
  level: string;

  @Field({ description: "Dạng — VAN_DONG, NGHE_NOI, NHIN, THAN_KINH_TAM_THAN, TRI_TUE or KHAC" })
  kind: string;
}

@InputType({ description: "Quyết định hỗ trợ mai táng — decide a proposed funeral support (1.001731, 1.014028)" })
export class DecideFuneralSupportInput extends IssueSocialResultInput {
  @Field({ description: "Số quyết định — the chair's decision number" })
  decisionNo: string;
}
