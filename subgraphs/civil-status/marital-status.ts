import { registerEnumType } from "type-graphql";

/** The statuses `maritalStatusOf` (rules.ts) derives from the registers. */
export enum MaritalStatus {
  SINGLE = "SINGLE",
  MARRIED = "MARRIED",
  DIVORCED = "DIVORCED",
  WIDOWED = "WIDOWED",
}

registerEnumType(MaritalStatus, {
  name: "MaritalStatus",
  description: "Tình trạng hôn nhân — marital status as the civil-status registers show it",
  valuesConfig: {
    SINGLE: { description: "Chưa kết hôn — never married" },
    MARRIED: { description: "Đang có vợ/chồng — a marriage is in force" },
    DIVORCED: { description: "Đã ly hôn — the last marriage ended by divorce" },
    WIDOWED: { description: "Góa — the last marriage ended by the spouse's death" },
  },
});
