import { Field, ID, InputType } from "type-graphql";

@InputType({ description: "Tiếp nhận hồ sơ hộ tịch — a civil-status dossier received at the desk" })
export class ReceiveCivilStatusDossierInput {
  @Field({ description: "Khóa chống trùng — the same key on a retry returns the first result (8–100 characters)" })
  idempotencyKey: string;

  @Field({ description: "Mã thủ tục — the national procedure code, e.g. 1.004873" })
  procedureCode: string;

  @Field(() => ID, {
    description: "Số định danh cá nhân của người nộp — the applicant's personal identification number",
  })
  applicantPersonalId: string;

  @Field({ nullable: true, description: "Cần xác minh — the longer limit applies (marriage 5, death 3 working days)" })
  verificationNeeded?: boolean;

  @Field({ nullable: true, description: "Ghi chú — a remark recorded with the receipt" })
  note?: string;
}
