import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { resolve } from "node:path";

import type { IdentityClaims } from "../../subgraphs/kit/caller";
import { Citizen } from "../../subgraphs/registry/entities/citizen";
import { type Hub, PERSONAS, startHub } from "../support/hub";
import { REPO_ROOT } from "../support/repo";

/**
 * Social affairs beside civil status (DESIGN §3): a death registered at Ứng Thiên stops the
 * deceased's allowance from the month after the month of death, lists a month already paid as an
 * overpayment, proposes funeral support and marks the registry's citizen deceased; with social
 * down meanwhile, the stop happens once when it is back; a consumer killed mid-batch applies each
 * event once.
 */

jest.setTimeout(240_000);

const SOCIAL_OFFICER = {
  sub: "social-officer-10369",
  role: "COMMUNE_OFFICER",
  communeCode: "10369",
  provinceCode: "01",
  fields: ["SOCIAL"],
} satisfies IdentityClaims;

let hub: Hub;
let residents: Citizen[];
let keys = 0;

const call = async <T = Record<string, unknown>>(
  claims: IdentityClaims,
  query: string,
  variables?: Record<string, unknown>,
) => hub.graphql<T>(query, variables, { token: await hub.token(claims) });

const receive = async (
  claims: IdentityClaims,
  mutation: string,
  inputType: string,
  procedureCode: string,
  applicant: string,
) => {
  keys += 1;
  const res = await call<Record<string, { code: string; version: number }>>(
    claims,
    `mutation($input: ${inputType}!) { ${mutation}(input: $input) { code version } }`,
    { input: { idempotencyKey: `social-e2e-${keys}`, procedureCode, applicantPersonalId: applicant } },
  );
  expect(res.body.errors).toBeUndefined();
  return res.body.data![mutation];
};

const grantAllowance = async (person: Citizen, extra: Record<string, unknown> = {}) => {
  const dossier = await receive(
    SOCIAL_OFFICER,
    "receiveSocialDossier",
    "ReceiveSocialDossierInput",
    "1.001776",
    person.personalId,
  );
  return call(
    SOCIAL_OFFICER,
    `mutation($input: GrantAllowanceInput!) { grantAllowance(input: $input) { code status } }`,
    {
      input: {
        dossierCode: dossier.code,
        expectedVersion: dossier.version,
        person: { personalId: person.personalId, birthDate: person.birthDate },
        groupCode: "ND20-5.6-DBN-ADULT",
        startMonth: "2026-05",
        decisionNo: `${keys}/QĐ-UBND`,
        ...extra,
      },
    },
  );
};

const registerDeath = async (person: Citizen, diedOn: string) => {
  const dossier = await receive(
    PERSONAS.ungThienOfficer,
    "receiveCivilStatusDossier",
    "ReceiveCivilStatusDossierInput",
    "1.000656",
    residents[0].personalId,
  );
  const res = await call(
    PERSONAS.ungThienOfficer,
    `mutation($input: RegisterDeathInput!) { registerDeath(input: $input) { status } }`,
    {
      input: {
        dossierCode: dossier.code,
        expectedVersion: dossier.version,
        person: { personalId: person.personalId, gender: person.gender, birthDate: person.birthDate },
        diedOn,
      },
    },
  );
  expect(res.body.errors).toBeUndefined();
};

const ROLL = `query($month: String!) { commune(code: "10369") { social {
  paymentRoll(month: $month) { month frozen lineCount totalVnd lines(first: 100) { citizen { personalId } amountVnd status decisionNo } }
  overpayments { month amountVnd status citizen { personalId } } } } }`;

const rollOf = async (month: string) => {
  const res = await call<{
    commune: {
      social: {
        paymentRoll: {
          frozen: boolean;
          lineCount: number;
          totalVnd: number;
          lines: { citizen: { personalId: string }; amountVnd: number; status: string | null }[];
        };
        overpayments: { month: string; amountVnd: number; status: string; citizen: { personalId: string } }[];
      };
    };
  }>(SOCIAL_OFFICER, ROLL, { month });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.commune.social;
};

const socialRows = (sql: string, parameters: unknown[] = []) =>
  hub.subgraphs.social.database.dataSource.query(sql, parameters) as Promise<Record<string, unknown>[]>;

beforeAll(async () => {
  hub = await startHub();
  residents = (
    await hub.registry.database.dataSource.manager.find(Citizen, {
      where: { residenceCommuneCode: "10369" },
      order: { personalId: "ASC" },
      take: 30,
    })
  ).filter((citizen) => citizen.birthDate >= "1970-01-01" && citizen.birthDate <= "2005-01-01");
});
afterAll(() => hub?.close());

describe("e2e > social > a death at Ứng Thiên", () => {
  it("stops the allowance from the month after the death, lists the month paid as an overpayment, proposes funeral support", async () => {
    const person = residents[1];
    const granted = await grantAllowance(person);
    expect(granted.body.errors).toBeUndefined();
    // July is paid before the death is registered.
    const closed = await call(SOCIAL_OFFICER, `mutation { closePaymentRoll(communeCode: "10369", month: "2026-07") }`);
    expect(closed.body).toEqual({ data: { closePaymentRoll: true } });
    const july = await rollOf("2026-07");
    expect(july.paymentRoll).toMatchObject({ frozen: true, lineCount: 1, totalVnd: 1_300_000 });
    expect((await rollOf("2026-08")).paymentRoll.lines.map((line) => line.citizen.personalId)).toEqual([
      person.personalId,
    ]);
    // The city adds up its communes: Ứng Thiên's July as paid, August from the running decision.
    const city = await call<{ province: Record<string, unknown> }>(
      PERSONAS.hanoiCityOfficer,
      `{ province(code: "01") { july: social { paymentRoll(month: "2026-07") { frozen lineCount totalVnd } }
         august: social { paymentRoll(month: "2026-08") { frozen lineCount totalVnd } } } }`,
    );
    expect(city.body).toEqual({
      data: {
        province: {
          july: { paymentRoll: { frozen: true, lineCount: 1, totalVnd: 1_300_000 } },
          august: { paymentRoll: { frozen: false, lineCount: 1, totalVnd: 1_300_000 } },
        },
      },
    });

    // Died on 20 June, registered on 1 July: the allowance stops from July.
    await registerDeath(person, "2026-06-20");
    await hub.caughtUp();
    const august = await rollOf("2026-08");
    expect(august.paymentRoll).toMatchObject({ frozen: false, lineCount: 0, totalVnd: 0, lines: [] });
    expect(august.overpayments).toEqual([
      {
        month: "2026-07",
        amountVnd: 1_300_000,
        status: "OVERPAID_AFTER_DEATH",
        citizen: { personalId: person.personalId },
      },
    ]);
    // July stays what was paid: frozen.
    expect((await rollOf("2026-07")).paymentRoll).toMatchObject({ frozen: true, lineCount: 1, totalVnd: 1_300_000 });

    const records = await call<{ citizen: Record<string, unknown> }>(
      { ...SOCIAL_OFFICER, fields: ["SOCIAL", "CIVIL_STATUS"] },
      `query($id: ID!) { citizen(personalId: $id) { deceasedOn social {
        deceasedOn monthlyAmountVnd benefits { program groupCode coefficient startMonth endMonth endReason monthlyAmountVnd }
        funeralSupport { status amountVnd diedOn dossierCode } } } }`,
      { id: person.personalId },
    );
    expect(records.body.errors).toBeUndefined();
    const social = records.body.data!.citizen.social as Record<string, unknown> & {
      funeralSupport: { dossierCode: string };
    };
    expect(records.body.data!.citizen.deceasedOn).toBe("2026-06-20");
    expect(social).toEqual({
      deceasedOn: "2026-06-20",
      monthlyAmountVnd: 0,
      benefits: [
        {
          program: "SOCIAL_ALLOWANCE",
          groupCode: "ND20-5.6-DBN-ADULT",
          coefficient: 2,
          startMonth: "2026-05",
          endMonth: "2026-06",
          endReason: "DIED",
          monthlyAmountVnd: 1_300_000,
        },
      ],
      funeralSupport: {
        status: "PROPOSED",
        amountVnd: 13_000_000,
        diedOn: "2026-06-20",
        dossierCode: expect.any(String),
      },
    });
    const dossier = await call<{ socialDossier: Record<string, unknown> }>(
      SOCIAL_OFFICER,
      `query($code: ID!) { socialDossier(code: $code) { procedureCode status channel communeCode } }`,
      { code: social.funeralSupport.dossierCode },
    );
    expect(dossier.body.data!.socialDossier).toEqual({
      procedureCode: "1.001731",
      status: "SUBMITTED",
      channel: "LINKED",
      communeCode: "10369",
    });
  });

  it("refuses a coefficient not in the table, or any benefit for the deceased, changing nothing", async () => {
    const before = await socialRows("SELECT COUNT(*) AS n FROM social_benefit");
    const wrong = await grantAllowance(residents[2], { coefficient: 2.5 });
    expect(wrong.body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "coefficient" });
    const deceased = await grantAllowance(residents[1]);
    expect(deceased.body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "person.personalId" });
    expect(await socialRows("SELECT COUNT(*) AS n FROM social_benefit")).toEqual(before);
  });

  it("shows analysts aggregates only", async () => {
    const figures = await call(
      PERSONAS.analyst,
      `{ commune(code: "10369") { social { paymentRoll(month: "2026-08") { lineCount } beneficiaries(month: "2026-08") { program people } } } }`,
    );
    expect(figures.body.errors).toBeUndefined();
    const lines = await call(
      PERSONAS.analyst,
      `{ commune(code: "10369") { social { paymentRoll(month: "2026-08") { lines { amountVnd } } } } }`,
    );
    expect(lines.body.errors![0].extensions!.code).toBe("FORBIDDEN");
    const person = await call(
      PERSONAS.analyst,
      `query($id: ID!) { citizen(personalId: $id) { social { monthlyAmountVnd } } }`,
      {
        id: residents[1].personalId,
      },
    );
    expect(person.body.errors![0].extensions!.code).toBe("FORBIDDEN");
  });
});

describe("e2e > social > down while the death is registered", () => {
  it("stops the benefit once social is back: no loss, no double stop", async () => {
    const person = residents[3];
    expect((await grantAllowance(person)).body.errors).toBeUndefined();
    await hub.restart("social", {}, { stopOnly: true });
    try {
      await registerDeath(person, "2026-06-25");
    } finally {
      await hub.resume("social");
    }
    await hub.caughtUp();
    // Delivered again (a relay replays it): the consumer's mark keeps it to one effect.
    await hub.restart("social");
    await hub.caughtUp();
    expect(
      await socialRows("SELECT end_month AS e, end_reason AS r FROM social_benefit WHERE personal_id = ?", [
        person.personalId,
      ]),
    ).toEqual([{ e: "2026-06", r: "DIED" }]);
    expect(
      await socialRows("SELECT COUNT(*) AS n FROM social_funeral_support WHERE deceased_personal_id = ?", [
        person.personalId,
      ]).then((rows) => Number(rows[0].n)),
    ).toBe(1);
  });
});

describe("e2e > social > a consumer killed mid-batch", () => {
  const DEATHS = 300;
  let child: ChildProcess | undefined;
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill("SIGKILL");
    if (!hub.subgraphs.social.database.dataSource.isInitialized) await hub.resume("social");
  });

  it("applies each event exactly once after a restart", async () => {
    // Beneficiaries who are not in any register, and their deaths in civil status's outbox.
    const ids = Array.from({ length: DEATHS }, (_, i) => `0010${String(80_000_000 + i).slice(0, 8)}`);
    const values = ids.map(
      (id, i) =>
        `('${id}', 'SOCIAL_ALLOWANCE', 'ND20-5.6-N-ADULT', 15, 15, 'K${i}/QĐ', '2026-01-05', '2026-01', '10369', '01')`,
    );
    await socialRows(
      `INSERT INTO social_benefit (personal_id, program, group_code, coefficient_tenths, amount_tenths, decision_no, decision_date, start_month, commune_code, province_code) VALUES ${values.join(", ")}`,
    );
    await hub.restart("social", {}, { stopOnly: true });
    const at = new Date().toISOString().replace("T", " ").replace("Z", "");
    const events = ids.map(
      (id) =>
        `('${randomUUID()}', 'Citizen', '${id}', 'DeathRegistered', '${JSON.stringify({ personalId: id, diedOn: "2026-06-30", communeCode: "10369" })}', '${at}')`,
    );
    await hub.civilStatus.database.dataSource.query(
      `INSERT INTO outbox_event (id, aggregatetype, aggregateid, type, payload, timestamp) VALUES ${events.join(", ")}`,
    );
    const env = hub.envOf("social");
    child = spawn(process.execPath, [resolve(REPO_ROOT, "dist/subgraphs/social/main.js")], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, ...env, LOG_LEVEL: "error" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    const { openDatabase } = await import("../../subgraphs/kit/database");
    const watcher = await openDatabase({
      url: hub.databaseUrls.social,
      entities: [],
      migrations: [],
      requireDurableMysql: false,
    });
    const applied = async () =>
      Number(
        ((await watcher.dataSource.query("SELECT COUNT(*) AS n FROM social_funeral_support")) as { n: number }[])[0].n,
      );
    const start = await applied();
    try {
      const deadline = Date.now() + 60_000;
      while ((await applied()) < start + 20 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      child.kill("SIGKILL");
      await new Promise((r) => child!.once("exit", r));
      const atKill = await applied();
      expect(atKill - start).toBeGreaterThanOrEqual(20);
      expect(atKill - start).toBeLessThan(DEATHS);
    } finally {
      await watcher.close();
    }
    await hub.resume("social");
    await hub.caughtUp(60_000);
    const marks = ids.map(() => "?").join(", ");
    const counts = await socialRows(
      `SELECT (SELECT COUNT(*) FROM social_funeral_support WHERE deceased_personal_id IN (${marks})) AS funerals,
              (SELECT COUNT(*) FROM social_dossier WHERE channel = 'LINKED' AND applicant_personal_id IN (${marks})) AS dossiers,
              (SELECT COUNT(*) FROM social_benefit WHERE end_reason = 'DIED' AND end_month = '2026-06' AND personal_id IN (${marks})) AS stopped`,
      [...ids, ...ids, ...ids],
    );
    expect(counts.map((row) => [Number(row.funerals), Number(row.dossiers), Number(row.stopped)])).toEqual([
      [DEATHS, DEATHS, DEATHS],
    ]);
  });
});

describe("e2e > social > the city dashboard", () => {
  it("reads every commune's figures in all three fields with one SQL statement in each field subgraph", async () => {
    const query = `{ province(code: "01") { communes { code
      civilStatus { stats(from: "2026-01-01", to: "2026-12-31") { received onTimeRate } }
      land { stats(from: "2026-01-01", to: "2026-12-31") { received onTimeRate } }
      social { stats(from: "2026-01-01", to: "2026-12-31") { received onTimeRate } } } } }`;
    const services = [hub.civilStatus, hub.subgraphs.land, hub.subgraphs.social];
    const before = await Promise.all(services.map((service) => hub.statements(service)));
    const res = await call(PERSONAS.hanoiCityOfficer, query);
    const after = await Promise.all(services.map((service) => hub.statements(service)));
    expect(res.body.errors).toBeUndefined();
    expect(after.map((n, i) => n - before[i])).toEqual([1, 1, 1]);
  });
});
