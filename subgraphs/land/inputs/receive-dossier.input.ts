import { Field, InputType, registerEnumType } from "type-graphql";

import { ReceiveDossierInput } from "../../kit/desk/inputs";

/** The cases that change a land procedure's limit (catalogue.ts `limitsByCase`). */
export enum LandCase {
  INDIVIDUAL_HOUSE = "INDIVIDUAL_HOUSE",
  OTHER_WORKS = "OTHER_WORKS",
  CASES_A_TO_G = "CASES_A_TO_G",
  CASE_H = "CASE_H",
}

registerEnumType(LandCase, {
  name: "LandCase",
  description: "Trường hợp — the case of a procedure whose limit depends on one",
  valuesConfig: {
    INDIVIDUAL_HOUSE: { description: "Nhà ở riêng lẻ — an individual house (construction permits: 7 working days)" },
    OTHER_WORKS: { description: "Công trình khác — other works of grade III or IV (permit 10, adjustment 9)" },
    CASES_A_TO_G: { description: "Trường hợp a–g — certificate exchange, cases a to g (5 working days)" },
    CASE_H: { description: "Trường hợp h — certificate exchange, case h (10 working days)" },
  },
});

@InputType({
  description: "Tiếp nhận hồ sơ địa chính – xây dựng — a land or construction dossier received at the desk",
})
export class ReceiveLandDossierInput extends ReceiveDossierInput {
  @Field(() => LandCase, {
    nullable: true,
    description:
      "Trường hợp — for procedures whose limit depends on the case (1.013225, 1.013226, 1.012783); the shortest limit applies when omitted",
  })
  caseKey?: LandCase;
}
