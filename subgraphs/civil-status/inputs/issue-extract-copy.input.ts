import { Field, ID, InputType, Int } from "type-graphql";

import { CivilStatusRegister } from "../entities/extract-copy";
import { IssueInput } from "./person.input";

@InputType({ description: "Cấp bản sao trích lục — copy a person's entry in a register and complete the dossier" })
export class IssueExtractCopyInput extends IssueInput {
  @Field(() => ID, { description: "Số định danh cá nhân — whose entry is copied" })
  personalId: string;

  @Field(() => CivilStatusRegister, { description: "Sổ — the register to copy from" })
  register: CivilStatusRegister;

  @Field(() => Int, { nullable: true, description: "Số bản — copies to issue, 1 to 10 (default 1)" })
  copies?: number;
}
