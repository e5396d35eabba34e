import { registerEnumType } from "type-graphql";

/**
 * Gender as registered at birth. One enum for every subgraph: an enum used in inputs and outputs
 * must be identical wherever it is declared for the supergraph to compose.
 */
export enum Gender {
  MALE = "MALE",
  FEMALE = "FEMALE",
}

registerEnumType(Gender, {
  name: "Gender",
  description: "Giới tính — gender as registered at birth",
  valuesConfig: {
    MALE: { description: "Nam — male" },
    FEMALE: { description: "Nữ — female" },
  },
});
