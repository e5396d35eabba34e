import { Field, InputType } from "type-graphql";

import { ReceiveDossierInput } from "../../kit/desk/inputs";

@InputType({ description: "Tiếp nhận hồ sơ hộ tịch — a civil-status dossier received at the desk" })
export class ReceiveCivilStatusDossierInput extends ReceiveDossierInput {
  @Field({ nullable: true, description: "Cần xác minh — the longer limit applies (marriage 5, death 3 working days)" })
  verificationNeeded?: boolean;
}
