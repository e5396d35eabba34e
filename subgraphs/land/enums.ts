import { registerEnumType } from "type-graphql";

import type {
  CertificateForm as CertificateFormName,
  CertificateStatus as CertificateStatusName,
  EncumbranceKind as EncumbranceKindName,
  HolderRole as HolderRoleName,
  PermitKind as PermitKindName,
  PermitStatus as PermitStatusName,
  TransferKind as TransferKindName,
  WorkType as WorkTypeName,
} from "./rules";

/*
 * The register's vocabularies as GraphQL enums. The values are the ones rules.ts decides on; each
 * enum is checked against its rules type below, so the two cannot drift apart.
 */

export enum CertificateForm {
  LEGACY_GCN_QSDD = "LEGACY_GCN_QSDD",
  LEGACY_GCN_QSHNO = "LEGACY_GCN_QSHNO",
  GCN_2009 = "GCN_2009",
  GCN_2024 = "GCN_2024",
}

export enum CertificateStatus {
  VALID = "VALID",
  REPLACED = "REPLACED",
  CANCELLED = "CANCELLED",
  REVOKED = "REVOKED",
}

export enum HolderRole {
  INDIVIDUAL = "INDIVIDUAL",
  HOUSEHOLD_HEAD = "HOUSEHOLD_HEAD",
  HUSBAND = "HUSBAND",
  WIFE = "WIFE",
  REPRESENTATIVE = "REPRESENTATIVE",
  MEMBER = "MEMBER",
}

export enum EncumbranceKind {
  MORTGAGE = "MORTGAGE",
  DISPUTE = "DISPUTE",
  SEIZURE = "SEIZURE",
  COURT_MEASURE = "COURT_MEASURE",
  RECOVERY = "RECOVERY",
  FEE_DEBT = "FEE_DEBT",
}

export enum PermitKind {
  NEW = "NEW",
  REPAIR_RENOVATION = "REPAIR_RENOVATION",
  RELOCATION = "RELOCATION",
  TEMPORARY = "TEMPORARY",
}

export enum PermitStatus {
  VALID = "VALID",
  STARTED = "STARTED",
  EXPIRED = "EXPIRED",
  REVOKED = "REVOKED",
  CANCELLED = "CANCELLED",
}

export enum WorkType {
  INDIVIDUAL_HOUSE = "INDIVIDUAL_HOUSE",
  OTHER_WORKS = "OTHER_WORKS",
}

export enum TransferKind {
  SALE = "SALE",
  GIFT = "GIFT",
  INHERITANCE = "INHERITANCE",
  CAPITAL_CONTRIBUTION = "CAPITAL_CONTRIBUTION",
}

/** Compile-time proof that each enum has exactly the values of its rules type. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const agree: [
  Same<`${CertificateForm}`, CertificateFormName>,
  Same<`${CertificateStatus}`, CertificateStatusName>,
  Same<`${HolderRole}`, HolderRoleName>,
  Same<`${EncumbranceKind}`, EncumbranceKindName>,
  Same<`${PermitKind}`, PermitKindName>,
  Same<`${PermitStatus}`, PermitStatusName>,
  Same<`${WorkType}`, WorkTypeName>,
  Same<`${TransferKind}`, TransferKindName>,
] = [true, true, true, true, true, true, true, true];
void agree;

registerEnumType(CertificateForm, {
  name: "CertificateForm",
  description: "Mẫu Giấy chứng nhận — the certificate's form",
  valuesConfig: {
    LEGACY_GCN_QSDD: { description: "GCN quyền sử dụng đất (sổ đỏ) — the pre-2009 land-use certificate" },
    LEGACY_GCN_QSHNO: { description: "GCN quyền sở hữu nhà ở (sổ hồng) — the pre-2009 house-ownership certificate" },
    GCN_2009: { description: "Mẫu 2009 — the 2009 form (TT 17/2009, TT 23/2014)" },
    GCN_2024: { description: "Mẫu 2024 — the form of TT 10/2024/TT-BTNMT, in use since 1 Aug 2024" },
  },
});
registerEnumType(CertificateStatus, {
  name: "CertificateStatus",
  description: "Tình trạng Giấy chứng nhận — whether the certificate is the parcel's valid one",
  valuesConfig: {
    VALID: { description: "Còn hiệu lực — the parcel's valid certificate (at most one per parcel)" },
    REPLACED: { description: "Đã thay thế — replaced by an exchange or after a change" },
    CANCELLED: { description: "Đã hủy — cancelled, e.g. a lost one after re-issue" },
    REVOKED: { description: "Đã thu hồi — revoked by a decision" },
  },
});
registerEnumType(HolderRole, {
  name: "HolderRole",
  description: "Tư cách người sử dụng đất — how a holder is named on the certificate",
  valuesConfig: {
    INDIVIDUAL: { description: "Cá nhân — an individual" },
    HOUSEHOLD_HEAD: { description: "Chủ hộ — head of the household" },
    HUSBAND: { description: "Chồng — husband" },
    WIFE: { description: "Vợ — wife" },
    REPRESENTATIVE: { description: "Người đại diện — representative" },
    MEMBER: { description: "Thành viên — member of the household or group" },
  },
});
registerEnumType(EncumbranceKind, {
  name: "EncumbranceKind",
  description: "Loại hạn chế — what the register records against a parcel",
  valuesConfig: {
    MORTGAGE: { description: "Thế chấp — mortgage" },
    DISPUTE: { description: "Tranh chấp — pending dispute (always bars transfers and splits)" },
    SEIZURE: { description: "Kê biên — seizure for the enforcement of a judgment (always bars)" },
    COURT_MEASURE: { description: "Biện pháp khẩn cấp tạm thời — court interim measure (always bars)" },
    RECOVERY: { description: "Thu hồi đất — land-recovery decision" },
    FEE_DEBT: { description: "Ghi nợ tiền sử dụng đất — land-use-fee debt" },
  },
});
registerEnumType(PermitKind, {
  name: "PermitKind",
  description: "Loại giấy phép xây dựng — the kind of construction permit (NĐ 217/2026 arts. 49, 52)",
  valuesConfig: {
    NEW: { description: "Cấp mới — new construction" },
    REPAIR_RENOVATION: { description: "Sửa chữa, cải tạo — repair or renovation" },
    RELOCATION: { description: "Di dời — relocation" },
    TEMPORARY: { description: "Có thời hạn — temporary" },
  },
});
registerEnumType(PermitStatus, {
  name: "PermitStatus",
  description: "Tình trạng giấy phép — where the permit stands",
  valuesConfig: {
    VALID: { description: "Còn hiệu lực — issued, work not yet started" },
    STARTED: { description: "Đã khởi công — work has started" },
    EXPIRED: { description: "Hết hạn — work did not start by the start deadline" },
    REVOKED: { description: "Thu hồi — revoked" },
    CANCELLED: { description: "Hủy — cancelled" },
  },
});
registerEnumType(WorkType, {
  name: "WorkType",
  description: "Loại công trình — the works a commune issues permits for",
  valuesConfig: {
    INDIVIDUAL_HOUSE: { description: "Nhà ở riêng lẻ — an individual house" },
    OTHER_WORKS: { description: "Công trình cấp III, IV khác — other works of grade III or IV" },
  },
});
registerEnumType(TransferKind, {
  name: "TransferKind",
  description: "Hình thức chuyển quyền — how the land-use right passes",
  valuesConfig: {
    SALE: { description: "Chuyển nhượng — sale" },
    GIFT: { description: "Tặng cho — gift" },
    INHERITANCE: { description: "Thừa kế — inheritance" },
    CAPITAL_CONTRIBUTION: { description: "Góp vốn — capital contribution" },
  },
});
