import { Field, InputType } from "type-graphql";

import { ReceiveDossierInput } from "../../kit/desk/inputs";

@InputType({ description: "Tiếp nhận hồ sơ hộ tịch — a civil-status dossier received at the desk" })
export class ReceiveCivilStatusDossierInput extends ReceiveDossierInput {
  @Field({
    nullable: true,
    description: "Cần xác minh — the longer limit applies (marriage 5, death 5, change or correction 6 working days)",
  })
  verificationNeeded?: boolean;

  @Field({
    nullable: true,
    description:
      "Chỉ bổ sung thông tin — for 1.004859, only completing missing information (Luật Hộ tịch art. 29): 1 working day",
  })
  completionOnly?: boolean;
}
