import { Field, Float, ID, InputType, Int } from "type-graphql";

import { DateScalar } from "../../kit/scalars";
import { EncumbranceKind, PermitKind, TransferKind, WorkType } from "../enums";
import { HolderInput, IssueLandResultInput, NewCertificateInput, NewParcelInput, ParcelKeyInput } from "./parcel.input";

@InputType({
  description:
    "Đăng ký đất đai, cấp GCN lần đầu — register a parcel for the first time and issue its certificate (1.013978)",
})
export class RegisterFirstCertificateInput extends IssueLandResultInput {
  @Field(() => NewParcelInput, { description: "Thửa đất — the parcel as measured" })
  parcel: NewParcelInput;

  @Field(() => NewCertificateInput, { description: "Giấy chứng nhận — the certificate to issue" })
  certificate: NewCertificateInput;

  @Field(() => [HolderInput], { description: "Người sử dụng đất — the holders to name" })
  holders: HolderInput[];
}

@InputType({
  description: "Đăng ký biến động — register a sale, gift, inheritance or capital contribution (1.013831)",
})
export class RegisterTransferInput extends IssueLandResultInput {
  @Field(() => ParcelKeyInput, { description: "Thửa đất — the parcel" })
  parcel: ParcelKeyInput;

  @Field(() => TransferKind, { description: "Hình thức — how the right passes" })
  kind: TransferKind;

  @Field({
    nullable: true,
    description: "GCN đã cấp — the serial of the certificate presented; only an inheritance may go without one",
  })
  certificateSerial?: string;

  @Field(() => [ID], {
    description: "Bên chuyển quyền — the holders giving up the right (the deceased, for an inheritance)",
  })
  transferorIds: string[];

  @Field(() => [HolderInput], { description: "Bên nhận — the people receiving it, named on the new certificate" })
  transferees: HolderInput[];

  @Field(() => NewCertificateInput, { description: "Giấy chứng nhận mới — the certificate issued to them" })
  newCertificate: NewCertificateInput;
}

@InputType({ description: "Thửa mới — one parcel resulting from a split" })
export class SplitPartInput {
  @Field(() => Int, { description: "Số thửa mới — its number on the same map sheet" })
  parcelNumber: number;

  @Field(() => Float, { description: "Diện tích — m², more than 0, at most one decimal" })
  areaM2: number;

  @Field({ description: "Mã loại đất — one of the parcel's uses; a split does not change the use" })
  landUseCode: string;

  @Field(() => Float, { nullable: true, description: "Mặt tiền — the side on the road, in metres" })
  frontageM?: number;

  @Field(() => Float, { nullable: true, description: "Chiều sâu — the depth, in metres" })
  depthM?: number;

  @Field({ description: "Số phát hành — the serial of its certificate (2024 form)" })
  serial: string;
}

@InputType({ description: "Tách thửa — split a parcel (1.012784); each part must reach the province's minimum" })
export class SplitParcelInput extends IssueLandResultInput {
  @Field(() => ParcelKeyInput, { description: "Thửa đất — the parcel to split" })
  parcel: ParcelKeyInput;

  @Field({
    description: "Khu vực — the province's zone for the parcel, as its decision on minimum split areas names it",
  })
  zone: string;

  @Field(() => [SplitPartInput], { description: "Các thửa mới — the parts, together the whole parcel" })
  parts: SplitPartInput[];
}

@InputType({
  description: "Cấp đổi / cấp lại GCN — replace the parcel's valid certificate (exchange 1.012783, lost 1.012786)",
})
export class ReplaceCertificateInput extends IssueLandResultInput {
  @Field(() => ParcelKeyInput, { description: "Thửa đất — the parcel" })
  parcel: ParcelKeyInput;

  @Field({ description: "GCN được thay — the serial of the parcel's valid certificate, which this replaces" })
  certificateSerial: string;

  @Field(() => NewCertificateInput, { description: "Giấy chứng nhận mới — the new certificate" })
  newCertificate: NewCertificateInput;
}

@InputType({ description: "Cấp giấy phép xây dựng — issue a construction permit (1.013225) to the applicant" })
export class IssueConstructionPermitInput extends IssueLandResultInput {
  @Field(() => ParcelKeyInput, { description: "Thửa đất — the parcel the work stands on" })
  parcel: ParcelKeyInput;

  @Field(() => PermitKind, { description: "Loại giấy phép" })
  kind: PermitKind;

  @Field(() => WorkType, { description: "Loại công trình" })
  workType: WorkType;

  @Field(() => Int, { description: "Số tầng — all floors, at least 1" })
  floors: number;

  @Field(() => Float, { description: "Diện tích xây dựng tầng 1 — m², at most the parcel's area" })
  groundFloorAreaM2: number;

  @Field(() => Float, { description: "Tổng diện tích sàn — m², at least the ground floor's" })
  grossFloorAreaM2: number;
}

@InputType({ description: "Gia hạn giấy phép xây dựng — extend a permit's start deadline by 12 months (1.013227)" })
export class ExtendConstructionPermitInput extends IssueLandResultInput {
  @Field(() => ID, { description: "Số giấy phép — the permit to extend" })
  permitId: string;
}

@InputType({ description: "Đăng ký hạn chế — record an encumbrance on a parcel (a mortgage, a dispute, …)" })
export class RecordEncumbranceInput {
  @Field({ description: "Khóa chống trùng — the same key on a retry returns the first result (8–100 characters)" })
  idempotencyKey: string;

  @Field(() => ParcelKeyInput, { description: "Thửa đất — the parcel" })
  parcel: ParcelKeyInput;

  @Field(() => EncumbranceKind, { description: "Loại" })
  kind: EncumbranceKind;

  @Field({
    nullable: true,
    description:
      "Chặn chuyển quyền — whether it bars transfers (default true); a dispute, seizure or court measure always does",
  })
  blocksTransfer?: boolean;

  @Field(() => DateScalar, { description: "Từ ngày — the first day it applies, not in the future" })
  from: string;

  @Field({ nullable: true, description: "Căn cứ — the contract, judgment or decision, at most 100 characters" })
  reference?: string;

  @Field({ nullable: true, description: "Ghi chú — a remark, at most 300 characters" })
  note?: string;
}
