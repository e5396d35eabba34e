import { Field, Float, ID, InputType, Int } from "type-graphql";

import { DateScalar } from "../../kit/scalars";
import { CertificateForm, HolderRole } from "../enums";

/** A parcel's key as the cadastral map gives it. */
@InputType({ description: "Thửa đất — a parcel by map unit, map sheet and parcel number" })
export class ParcelKeyInput {
  @Field(() => ID, {
    description: "Đơn vị bản đồ — the 5-digit commune whose cadastral map numbers the sheet (often a pre-2025 commune)",
  })
  mapUnitCode: string;

  @Field(() => Int, { description: "Số tờ bản đồ — the map sheet, from 1" })
  mapSheet: number;

  @Field(() => Int, { description: "Số thửa — the parcel number on the sheet, from 1" })
  parcelNumber: number;
}

@InputType({ description: "Mục đích sử dụng — one use on the parcel" })
export class LandUseInput {
  @Field({ description: "Mã loại đất — a code of TT 08/2024/TT-BTNMT Phụ lục II, e.g. ONT, ODT, LUC, CLN" })
  landUseCode: string;

  @Field(() => Float, { description: "Diện tích — m², more than 0, at most one decimal" })
  areaM2: number;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "Thời hạn — the last day of use; omit for the law's default (residential: stable long-term; agricultural: 50 years)",
  })
  termUntil?: string;
}

@InputType({ description: "Thửa đất đăng ký lần đầu — a parcel as entered at its first registration" })
export class NewParcelInput extends ParcelKeyInput {
  @Field(() => Float, { description: "Diện tích — the parcel's area in m², more than 0, at most one decimal" })
  areaM2: number;

  @Field({ nullable: true, description: "Địa chỉ — the parcel's address, at most 200 characters" })
  address?: string;

  @Field(() => [LandUseInput], { description: "Mục đích sử dụng — its uses; together at most the parcel's area" })
  uses: LandUseInput[];
}

@InputType({ description: "Người sử dụng đất — a holder to name on a certificate" })
export class HolderInput {
  @Field(() => ID, { description: "Số định danh cá nhân — 12 digits" })
  personalId: string;

  @Field(() => HolderRole, { description: "Tư cách — how the holder is named" })
  role: HolderRole;
}

@InputType({ description: "Giấy chứng nhận mới — the new certificate's serial and form" })
export class NewCertificateInput {
  @Field({ description: "Số phát hành — the serial printed on it, at most 30 characters" })
  serial: string;

  @Field(() => CertificateForm, { nullable: true, description: "Mẫu — the form; the 2024 form when omitted" })
  form?: CertificateForm;
}

/** Which dossier a result completes, and the version the officer saw. */
@InputType("IssueLandResultInput", { description: "Cấp kết quả — which land dossier a result completes" })
export abstract class IssueLandResultInput {
  @Field(() => ID, { description: "Mã hồ sơ — the dossier this result completes" })
  dossierCode: string;

  @Field(() => Int, { description: "Phiên bản — the dossier's version the officer saw; a stale one is a CONFLICT" })
  expectedVersion: number;
}
