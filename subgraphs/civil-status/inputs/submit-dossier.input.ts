import { Field, ID, InputType } from "type-graphql";

@InputType({ description: "Nộp hồ sơ trực tuyến — a civil-status dossier a citizen files online for themselves" })
export class SubmitCivilStatusDossierInput {
  @Field({ description: "Khóa chống trùng — the same key on a retry returns the first result (8–100 characters)" })
  idempotencyKey: string;

  @Field({ description: "Mã thủ tục — the national procedure code, e.g. 1.004873" })
  procedureCode: string;

  @Field(() => ID, { description: "Mã xã — the commune whose desk should handle it (5 digits)" })
  communeCode: string;

  @Field({ nullable: true, description: "Ghi chú — what the citizen wants the desk to know" })
  note?: string;
}
