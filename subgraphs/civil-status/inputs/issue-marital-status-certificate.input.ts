import { Field, InputType } from "type-graphql";

import { IssueInput, PersonInput } from "./person.input";

@InputType({
  description: "Cấp giấy xác nhận tình trạng hôn nhân — certify a person's marital status and complete the dossier",
})
export class IssueMaritalStatusCertificateInput extends IssueInput {
  @Field(() => PersonInput, { description: "Người được xác nhận — whose status is certified" })
  person: PersonInput;

  @Field({ description: "Mục đích sử dụng — what the certificate is for, e.g. kết hôn (to marry)" })
  purpose: string;
}
