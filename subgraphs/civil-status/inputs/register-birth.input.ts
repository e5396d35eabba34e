import { Field, ID, InputType } from "type-graphql";

import { IssueInput, PersonInput } from "./person.input";

@InputType("RegisteredChildInput", { description: "Người được khai sinh — the child, as the birth is registered" })
export class ChildInput extends PersonInput {
  @Field({ description: "Họ và tên — the child's full name" })
  fullName: string;
}

@InputType({ description: "Đăng ký khai sinh — register a birth and complete its dossier" })
export class RegisterBirthInput extends IssueInput {
  @Field(() => ChildInput, { description: "Người được khai sinh — the child" })
  child: ChildInput;

  @Field({ nullable: true, description: "Nơi sinh — place of birth" })
  placeOfBirth?: string;

  @Field(() => ID, { nullable: true, description: "Cha — the father's personal ID, when known" })
  fatherPersonalId?: string;

  @Field(() => ID, { nullable: true, description: "Mẹ — the mother's personal ID, when known" })
  motherPersonalId?: string;
}
