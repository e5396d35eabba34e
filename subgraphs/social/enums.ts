import { registerEnumType } from "type-graphql";

/** Chế độ — the kind of monthly benefit (shared/domain/land-and-social.md §B5). */
export enum BenefitProgram {
  SOCIAL_ALLOWANCE = "SOCIAL_ALLOWANCE",
  CARE_SUPPORT = "CARE_SUPPORT",
  SOCIAL_PENSION = "SOCIAL_PENSION",
}

registerEnumType(BenefitProgram, {
  name: "BenefitProgram",
  description: "Chế độ — the kind of monthly benefit",
  valuesConfig: {
    SOCIAL_ALLOWANCE: { description: "Trợ cấp xã hội hằng tháng — monthly social allowance (NĐ 20/2021 art. 5–6)" },
    CARE_SUPPORT: { description: "Hỗ trợ kinh phí chăm sóc, nuôi dưỡng — monthly care support" },
    SOCIAL_PENSION: { description: "Trợ cấp hưu trí xã hội — social pension (Luật BHXH 2024 art. 21; NĐ 176/2025)" },
  },
});

/** Lý do thôi hưởng — why a benefit stopped (TT 02/2021 art. 2). */
export enum BenefitEndReason {
  DIED = "DIED",
  ADJUSTED = "ADJUSTED",
  MISSING = "MISSING",
  INELIGIBLE = "INELIGIBLE",
  IMPRISONED = "IMPRISONED",
  REFUSED = "REFUSED",
  MOVED_OUT = "MOVED_OUT",
}

registerEnumType(BenefitEndReason, {
  name: "BenefitEndReason",
  description: "Lý do thôi hưởng — why a benefit stopped",
  valuesConfig: {
    DIED: { description: "Chết — from the month after the month of death (NĐ 20/2021 art. 8(2); NĐ 176/2025 art. 4)" },
    ADJUSTED: { description: "Điều chỉnh — replaced by a new decision from the month the person qualifies for it" },
    MISSING: { description: "Mất tích — declared missing by a court" },
    INELIGIBLE: { description: "Không còn đủ điều kiện — no longer eligible" },
    IMPRISONED: { description: "Chấp hành án phạt tù — imprisoned" },
    REFUSED: { description: "Từ chối nhận — refuses the benefit" },
    MOVED_OUT: { description: "Chuyển đi — moved to another commune, which pays on" },
  },
});

/** Trạng thái chi trả — a payment's state. */
export enum PaymentStatus {
  PAID = "PAID",
  OVERPAID_AFTER_DEATH = "OVERPAID_AFTER_DEATH",
}

registerEnumType(PaymentStatus, {
  name: "PaymentStatus",
  description: "Trạng thái chi trả — a payment's state",
  valuesConfig: {
    PAID: { description: "Đã chi trả — paid with the month's roll" },
    OVERPAID_AFTER_DEATH: {
      description: "Chi sai sau khi chết — paid for a month after the benefit stopped with the death; to recover",
    },
  },
});

/** Phân loại hộ — a household's poverty classification for a year. */
export enum HouseholdClassification {
  POOR = "POOR",
  NEAR_POOR = "NEAR_POOR",
  NONE = "NONE",
}

registerEnumType(HouseholdClassification, {
  name: "HouseholdClassification",
  description: "Phân loại hộ — a household's classification for a year (NĐ 07/2021, extended by NĐ 351/2025)",
  valuesConfig: {
    POOR: { description: "Hộ nghèo — poor" },
    NEAR_POOR: { description: "Hộ cận nghèo — near-poor" },
    NONE: { description: "Không thuộc diện nghèo, cận nghèo — neither" },
  },
});

/** Khu vực — where a household lives, which sets its poverty line. */
export enum AreaType {
  RURAL = "RURAL",
  URBAN = "URBAN",
}

registerEnumType(AreaType, {
  name: "AreaType",
  description: "Khu vực — rural or urban, which sets the poverty line",
  valuesConfig: { RURAL: { description: "Nông thôn — rural" }, URBAN: { description: "Thành thị — urban" } },
});

/** Trạng thái hỗ trợ mai táng — where a proposed funeral support stands. */
export enum FuneralSupportStatus {
  PROPOSED = "PROPOSED",
  DECIDED = "DECIDED",
}

registerEnumType(FuneralSupportStatus, {
  name: "FuneralSupportStatus",
  description: "Trạng thái hỗ trợ mai táng — where a funeral support stands",
  valuesConfig: {
    PROPOSED: { description: "Đề xuất — proposed from the death registration, awaiting the desk" },
    DECIDED: { description: "Đã quyết định — the commune chair decided it" },
  },
});
