import { Field, ID, InputType } from "type-graphql";

import { DossierChannel } from "../dossier/entities";
import { DossierStatus } from "../dossier/status";
import { DateScalar } from "../scalars";

/**
 * What every desk's receipt carries; a field's input type extends it with what fixes its limit
 * (verification needed, an individual house or other works, …).
 */
@InputType("ReceiveDossierInputBase")
export abstract class ReceiveDossierInput {
  @Field({ description: "Khóa chống trùng — the same key on a retry returns the first result (8–100 characters)" })
  idempotencyKey: string;

  @Field({ description: "Mã thủ tục — the national procedure code" })
  procedureCode: string;

  @Field(() => ID, {
    description: "Số định danh cá nhân của người nộp — the applicant's personal identification number",
  })
  applicantPersonalId: string;

  @Field({ nullable: true, description: "Ghi chú — a remark recorded with the receipt" })
  note?: string;
}

/** A dossier a citizen files online for themselves. */
@InputType("SubmitDossierInputBase")
export abstract class SubmitDossierInput {
  @Field({ description: "Khóa chống trùng — the same key on a retry returns the first result (8–100 characters)" })
  idempotencyKey: string;

  @Field({ description: "Mã thủ tục — the national procedure code" })
  procedureCode: string;

  @Field(() => ID, { description: "Mã xã — the commune whose desk should handle it (5 digits)" })
  communeCode: string;

  @Field({ nullable: true, description: "Ghi chú — what the citizen wants the desk to know" })
  note?: string;
}

/** Narrows a desk's dossier list. */
@InputType("DossierFilterInputBase")
export abstract class DossierFilterInput {
  @Field(() => [DossierStatus], { nullable: true, description: "Trạng thái — any of these states" })
  status?: DossierStatus[];

  @Field({ nullable: true, description: "Mã thủ tục — one procedure" })
  procedureCode?: string;

  @Field(() => DossierChannel, { nullable: true, description: "Kênh nộp — desk or online" })
  channel?: DossierChannel;

  @Field(() => DateScalar, { nullable: true, description: "Nhận từ ngày — received on or after this local date" })
  receivedFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: "Nhận đến ngày — received on or before this local date" })
  receivedTo?: string;

  @Field({ nullable: true, description: "Quá hạn — only dossiers still open past their due date" })
  overdue?: boolean;
}
