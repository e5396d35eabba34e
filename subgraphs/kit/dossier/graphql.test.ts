import { printSubgraphSchema } from "@apollo/subgraph";
import { graphql } from "graphql";
import { Authorized, Directive, Field, ObjectType, Query, Resolver } from "type-graphql";

import { Role } from "../caller";
import { buildFederatedSchema } from "../federation";
import { DossierChannel, DossierRecord, DossierTransition } from "./entities";
import { DossierStatus } from "./status";

@Directive('@key(fields: "code")')
@ObjectType({ implements: DossierRecord, description: "A field's own dossier type, for this test" })
class SampleDossier extends DossierRecord {
  @Field(() => [DossierTransition])
  history: DossierTransition[];
}

const sample = Object.assign(new SampleDossier(), {
  code: "10369.HT-250701-0001",
  procedureCode: "1.004873",
  communeCode: "10369",
  channel: DossierChannel.DESK,
  status: DossierStatus.RETURNED,
  nationalStatusCode: 10,
  version: 4,
  receivedAt: new Date("2025-07-01T02:00:00Z"),
  acceptedAt: new Date("2025-07-01T02:00:00Z"),
  dueAt: new Date("2025-07-04T16:59:59.999Z"),
  endedAt: new Date("2025-07-02T03:00:00Z"),
  supplementCount: 0,
  history: [
    Object.assign(new DossierTransition(), {
      fromStatus: null,
      toStatus: DossierStatus.ACCEPTED,
      actor: "officer-10369",
      role: "COMMUNE_OFFICER",
      at: new Date("2025-07-01T02:00:00Z"),
      note: null,
    }),
  ],
});

@Resolver()
class SampleResolver {
  @Authorized()
  @Query(() => DossierRecord)
  sample(): DossierRecord {
    return sample;
  }
}

describe("kit > dossier > the Dossier interface", () => {
  const schema = buildFederatedSchema({ resolvers: [SampleResolver], orphanedTypes: [SampleDossier], references: {} });

  it("is printed once, with the national code and the version clients move it by", () => {
    // Every field subgraph prints the same interface, so one client fragment reads any dossier.
    const sdl = printSubgraphSchema(schema);
    expect(sdl).toContain("interface Dossier {");
    expect(sdl).toMatch(/type SampleDossier implements Dossier\s+@key\(fields: "code"\)/);
    expect(sdl).not.toContain("applicantPersonalId");
    expect(sdl).not.toContain("supplementSince");
  });

  it("resolves a field's dossier through a fragment on the interface", async () => {
    // A desk client reads a dossier it knows only as a Dossier, with its history.
    const result = await graphql({
      schema,
      source: `{ sample { __typename ... on Dossier { code status nationalStatusCode channel dueAt endedAt version }
                 ... on SampleDossier { history { fromStatus toStatus actor at } } } }`,
      contextValue: { caller: { subject: "a", role: Role.ADMIN, fields: [] } },
    });
    expect(result).toEqual({
      data: {
        sample: {
          __typename: "SampleDossier",
          code: "10369.HT-250701-0001",
          status: "RETURNED",
          nationalStatusCode: 10,
          channel: "DESK",
          dueAt: "2025-07-04T16:59:59.999Z",
          endedAt: "2025-07-02T03:00:00.000Z",
          version: 4,
          history: [{ fromStatus: null, toStatus: "ACCEPTED", actor: "officer-10369", at: "2025-07-01T02:00:00.000Z" }],
        },
      },
    });
  });
});
