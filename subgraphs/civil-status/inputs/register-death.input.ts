import { Field, InputType } from "type-graphql";

import { DateScalar } from "../../kit/scalars";
import { IssueInput, PersonInput } from "./person.input";

@InputType({ description: "Đăng ký khai tử — register a death and complete its dossier" })
export class RegisterDeathInput extends IssueInput {
  @Field(() => PersonInput, { description: "Người chết — the deceased" })
  person: PersonInput;

  @Field(() => DateScalar, { description: "Ngày chết — date of death" })
  diedOn: string;

  @Field({ nullable: true, description: "Nơi chết — place of death" })
  placeOfDeath?: string;
}
