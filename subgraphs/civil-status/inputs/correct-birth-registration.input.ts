import { Field, ID, InputType } from "type-graphql";

import { CorrectableBirthField } from "../entities/civil-status-correction";
import { IssueInput } from "./person.input";

@InputType({
  description: "Thay đổi, cải chính, bổ sung hộ tịch — amend a birth registration and complete the dossier",
})
export class CorrectBirthRegistrationInput extends IssueInput {
  @Field(() => ID, { description: "Số định danh cá nhân — whose birth registration is amended" })
  personalId: string;

  @Field(() => CorrectableBirthField, { description: "Mục — what to amend" })
  field: CorrectableBirthField;

  @Field({ description: "Nội dung mới — the value to register" })
  value: string;
}
