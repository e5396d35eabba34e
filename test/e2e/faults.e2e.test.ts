import { createServer, type Server, type Socket } from "node:net";

import { Citizen } from "../../subgraphs/registry/entities/citizen";
import { type Hub, PERSONAS, startHub } from "../support/hub";

/**
 * The seams between services (DESIGN §10): a field that is down or hung costs only its own fields,
 * within a bounded time, with an error on each path it cost and a stable code, never an internal
 * address; the gateway says it is not ready while a subgraph is not.
 */

jest.setTimeout(120_000);

/** Short, for a quick suite, but well above what a burst of receipts takes on a busy CI machine. */
const SUBGRAPH_TIMEOUT_MS = 4000;

let hub: Hub;
let dossierCode: string;

const DASHBOARD = `query { province(code: "01") { code name civilStatus { stats(from: "2026-01-01", to: "2026-12-31") { received } }
  communes { code name civilStatus { stats(from: "2026-01-01", to: "2026-12-31") { received } } } } }`;

type Dashboard = {
  province: {
    code: string;
    name: string;
    civilStatus: { stats: { received: number } } | null;
    communes: { code: string; name: string; civilStatus: { stats: { received: number } } | null }[];
  } | null;
};

const timed = async <T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> => {
  const started = Date.now();
  const value = await work();
  return { ms: Date.now() - started, value };
};

const gatewayReady = async () => (await fetch(new URL("/ready", hub.gatewayUrl))).status;

beforeAll(async () => {
  hub = await startHub({ gatewayEnv: { SUBGRAPH_TIMEOUT_MS: String(SUBGRAPH_TIMEOUT_MS) } });
  const resident = await hub.registry.database.dataSource.manager.findOneByOrFail(Citizen, {
    residenceCommuneCode: "10369",
  });
  const res = await hub.graphql<{ receiveCivilStatusDossier: { code: string } }>(
    `mutation($input: ReceiveCivilStatusDossierInput!) { receiveCivilStatusDossier(input: $input) { code } }`,
    { input: { idempotencyKey: "faults-0001", procedureCode: "1.004873", applicantPersonalId: resident.personalId } },
    { token: await hub.token(PERSONAS.ungThienOfficer) },
  );
  dossierCode = res.body.data!.receiveCivilStatusDossier.code;
});
afterAll(() => hub?.close());

/** Every error of a partial answer: on a path, with a code and the service, naming no address. */
const expectFieldErrors = (
  errors: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] | undefined,
  code: string,
  service: string,
) => {
  expect(errors!.length).toBeGreaterThan(0);
  for (const error of errors!) {
    expect(error.extensions).toMatchObject({ code, service });
    expect(error.path).toBeDefined();
    expect(JSON.stringify(error)).not.toMatch(/127\.0\.0\.1|localhost|http:\/\//);
  }
};

describe("e2e > faults > a field subgraph that is down", () => {
  it("costs only its own fields on the city dashboard, each with SUBGRAPH_UNAVAILABLE on its path", async () => {
    const city = await hub.token(PERSONAS.hanoiCityOfficer);
    await hub.restart("civil-status", {}, { stopOnly: true });
    try {
      const { ms, value: res } = await timed(() => hub.graphql<Dashboard>(DASHBOARD, {}, { token: city }));
      expect(ms).toBeLessThan(5000);
      const province = res.body.data!.province!;
      // The registry's figures stand: the province and its 126 communes with their names.
      expect([province.code, province.name, province.communes.length]).toEqual(["01", "Hà Nội", 126]);
      expect(province.civilStatus).toBeNull();
      expect(province.communes.every((commune) => commune.civilStatus === null)).toBe(true);
      expectFieldErrors(res.body.errors, "SUBGRAPH_UNAVAILABLE", "civil-status");
      const paths = res.body.errors!.map((error) => error.path!.join("."));
      expect(paths).toContain("province.civilStatus");
      expect(paths).toContain("province.communes.0.civilStatus");
      expect(paths).toContain("province.communes.125.civilStatus");
      // And the gateway is not ready while it cannot answer everywhere.
      expect(await gatewayReady()).toBe(503);
    } finally {
      await hub.resume("civil-status");
    }
    expect(await gatewayReady()).toBe(200);
    const again = await hub.graphql<Dashboard>(DASHBOARD, {}, { token: city });
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data!.province!.communes.find((c) => c.code === "10369")!.civilStatus).toEqual({
      stats: { received: 1 },
    });
  });

  it("keeps a dossier's own fields when the registry cannot give its applicant's name", async () => {
    const officer = await hub.token(PERSONAS.ungThienOfficer);
    const query = `query($code: ID!) { civilStatusDossier(code: $code) { code status applicant { fullName } } }`;
    await hub.restart("registry", {}, { stopOnly: true });
    try {
      const res = await hub.graphql<{ civilStatusDossier: Record<string, unknown> }>(
        query,
        { code: dossierCode },
        { token: officer },
      );
      expect(res.body.data).toEqual({ civilStatusDossier: { code: dossierCode, status: "ACCEPTED", applicant: null } });
      expectFieldErrors(res.body.errors, "SUBGRAPH_UNAVAILABLE", "registry");
      expect(res.body.errors!.map((error) => error.path)).toEqual([["civilStatusDossier", "applicant", "fullName"]]);
    } finally {
      await hub.resume("registry");
    }
  });
});

describe("e2e > faults > a field subgraph that hangs", () => {
  it("answers within the subgraph timeout, with SUBGRAPH_TIMEOUT on the fields it cost", async () => {
    // Civil status stops answering: its port accepts connections and never replies.
    await hub.restart("civil-status", {}, { stopOnly: true });
    const port = Number(new URL(hub.civilStatus.url).port);
    const sockets: Socket[] = [];
    const hung: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => hung.listen(port, "127.0.0.1", resolve));
    try {
      const city = await hub.token(PERSONAS.hanoiCityOfficer);
      // The gateway's kept-alive connection to the stopped service fails at once; the next call meets the hung one.
      await hub.graphql<Dashboard>(DASHBOARD, {}, { token: city });
      const { ms, value: res } = await timed(() => hub.graphql<Dashboard>(DASHBOARD, {}, { token: city }));
      expect(ms).toBeGreaterThanOrEqual(SUBGRAPH_TIMEOUT_MS - 100);
      expect(ms).toBeLessThan(SUBGRAPH_TIMEOUT_MS + 3000);
      expect(res.body.data!.province!.communes).toHaveLength(126);
      expect(res.body.data!.province!.civilStatus).toBeNull();
      expectFieldErrors(res.body.errors, "SUBGRAPH_TIMEOUT", "civil-status");
      // The readiness check is bounded too: not ready, within its own timeout.
      const ready = await timed(gatewayReady);
      expect([ready.value, ready.ms < 5000]).toEqual([503, true]);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => hung.close(() => resolve()));
      await hub.resume("civil-status");
    }
    expect(await gatewayReady()).toBe(200);
  });
});

describe("e2e > faults > shutdown", () => {
  const receiptBurst = async (prefix: string, count: number) => {
    const officer = await hub.token(PERSONAS.ungThienOfficer);
    const residents = await hub.registry.database.dataSource.manager.find(Citizen, {
      where: { residenceCommuneCode: "10369" },
      take: count,
    });
    return Array.from({ length: count }, (_, i) =>
      hub.graphql<{ receiveCivilStatusDossier: { code: string } }>(
        `mutation($input: ReceiveCivilStatusDossierInput!) { receiveCivilStatusDossier(input: $input) { code } }`,
        {
          input: {
            idempotencyKey: `${prefix}-${i}`,
            procedureCode: "1.004873",
            applicantPersonalId: residents[i % residents.length].personalId,
          },
        },
        { token: officer },
      ),
    );
  };

  it("answers every receipt of a burst sent before civil status was told to stop, and stores each once", async () => {
    // 20 receipts reach the desk; 5 ms later civil status is told to stop, as on SIGTERM.
    const burst = await receiptBurst("drain-civil", 20);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const stopping = hub.restart("civil-status", {}, { stopOnly: true });
    const answers = await Promise.all(burst);
    await stopping;
    await hub.resume("civil-status");
    expect(answers.map((res) => [res.status, res.body.errors])).toEqual(answers.map(() => [200, undefined]));
    const codes = answers.map((res) => res.body.data!.receiveCivilStatusDossier.code);
    expect(new Set(codes).size).toBe(20);
    const [{ n }] = (await hub.civilStatus.database.dataSource.query(
      `SELECT COUNT(*) AS n FROM civil_status_dossier WHERE code IN (${codes.map(() => "?").join(", ")})`,
      codes,
    )) as { n: number | string }[];
    expect(Number(n)).toBe(20);
  });

  it("drains the gateway too: what it received before stopping is answered", async () => {
    const burst = await receiptBurst("drain-gateway", 20);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await hub.gateway.stop(5000);
    const answers = await Promise.all(burst);
    expect(answers.map((res) => [res.status, res.body.errors])).toEqual(answers.map(() => [200, undefined]));
  });
});
