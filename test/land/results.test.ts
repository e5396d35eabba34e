import type { SubgraphUnderTest } from "../support/subgraph";
import { ANH, PEOPLE, receive, registerFirst, startLandForTest } from "./support";

/** A land dossier shows what it issued (kết quả): the certificate, once completed; nothing while open. */

let land: SubgraphUnderTest;

beforeAll(async () => {
  land = await startLandForTest();
});
afterAll(async () => {
  await land?.close();
});

const RESULTS = `query($code: ID!) { landDossier(code: $code) { status results { __typename
  ... on LandCertificate { serial status } ... on ConstructionPermit { kind } } } }`;

describe("land > landDossier > results", () => {
  it("shows the certificate a first registration issued, and nothing for a dossier still open", async () => {
    const issued = await registerFirst(land, { mapSheet: 951, parcelNumber: 3 }, "RS 000951", [
      { personalId: ANH, role: "INDIVIDUAL" },
    ]);
    const code = issued.body.data!.registerFirstCertificate.code;
    const done = await land.graphql(PEOPLE.officer, RESULTS, { code });
    expect(done.body).toEqual({
      data: {
        landDossier: {
          status: "COMPLETED",
          results: [{ __typename: "LandCertificate", serial: "RS 000951", status: "VALID" }],
        },
      },
    });
    const open = await receive(land, "1.013831", ANH);
    const pending = await land.graphql(PEOPLE.officer, RESULTS, { code: open.code });
    expect(pending.body).toEqual({ data: { landDossier: { status: "ACCEPTED", results: [] } } });
  });
});
