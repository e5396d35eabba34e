import { Field, ID, InputType, Int } from "type-graphql";

import { Gender } from "../../kit/gender";
import { DateScalar } from "../../kit/scalars";

/** A person as the papers at the desk show them; the personal ID must agree with gender and birth year (DESIGN §6). */
@InputType("CivilStatusPersonInput", { description: "Người — a person named in a civil-status request" })
export class PersonInput {
  @Field(() => ID, { description: "Số định danh cá nhân — 12 digits" })
  personalId: string;

  @Field(() => Gender, { description: "Giới tính — gender" })
  gender: Gender;

  @Field(() => DateScalar, { description: "Ngày sinh — date of birth" })
  birthDate: string;
}

/** Which dossier a result completes, and the version the officer saw. */
@InputType("IssueCivilStatusResultInput", { description: "Cấp kết quả — which dossier a result completes" })
export abstract class IssueInput {
  @Field(() => ID, { description: "Mã hồ sơ — the dossier this result completes" })
  dossierCode: string;

  @Field(() => Int, { description: "Phiên bản — the dossier's version the officer saw; a stale one is a CONFLICT" })
  expectedVersion: number;
}
