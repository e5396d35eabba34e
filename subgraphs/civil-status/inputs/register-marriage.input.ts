import { Field, InputType } from "type-graphql";

import { IssueInput, PersonInput } from "./person.input";

@InputType({ description: "Đăng ký kết hôn — register a marriage today and complete its dossier" })
export class RegisterMarriageInput extends IssueInput {
  @Field(() => PersonInput, { description: "Bên thứ nhất — the first party" })
  a: PersonInput;

  @Field(() => PersonInput, { description: "Bên thứ hai — the second party" })
  b: PersonInput;
}
