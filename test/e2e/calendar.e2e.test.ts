import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import type { Citizen } from "../../subgraphs/registry/entities/citizen";
import { type Hub, PERSONAS, startHub } from "../support/hub";
import { REPO_ROOT } from "../support/repo";

/**
 * A year whose days off are not announced yet never stops the desks (DESIGN §4): due dates falling
 * in it are counted on the provisional calendar and marked so, and counted again, with a history
 * entry, once the year's official file is added.
 */

jest.setTimeout(120_000);

const DOSSIER = `code status version dueAt dueProvisional history { fromStatus toStatus actor note }`;

/** A 2027 file as the government might announce it: a shorter Tết break than the provisional window. */
const OFFICIAL_2027 = {
  year: 2027,
  timeZone: "Asia/Ho_Chi_Minh",
  holidays: [
    ["2027-01-01", "Tết Dương lịch — New Year's Day"],
    ["2027-02-04", "Tết Nguyên đán — Lunar New Year"],
    ["2027-02-05", "Tết Nguyên đán — Lunar New Year"],
    ["2027-02-08", "Tết Nguyên đán — Lunar New Year"],
    ["2027-02-09", "Tết Nguyên đán — Lunar New Year"],
    ["2027-02-10", "Tết Nguyên đán — Lunar New Year"],
    ["2027-04-16", "Giỗ Tổ Hùng Vương — Hùng Kings' Commemoration"],
    ["2027-04-30", "Ngày Chiến thắng — Reunification Day"],
    ["2027-05-03", "Quốc tế Lao động (nghỉ bù) — Labour Day, compensatory"],
    ["2027-09-02", "Quốc khánh — National Day"],
    ["2027-09-03", "Quốc khánh — National Day"],
  ].map(([date, name]) => ({ date, name, source: "test: an announcement as it might be made" })),
  makeUpWorkingDays: [],
};

const officer = () => hub.token(PERSONAS.ungThienOfficer);

let hub: Hub;
let calendarDir: string;

beforeAll(async () => {
  // Friday 29 January 2027, 09:00 in Hà Nội: no official 2027 file exists; Tết falls in early February.
  hub = await startHub({ clockStart: "2027-01-29T09:00:00+07:00" });
  calendarDir = mkdtempSync(join(tmpdir(), "hub-calendar-"));
});

afterAll(async () => {
  await hub?.close();
  rmSync(calendarDir, { recursive: true, force: true });
});

/** Starts civil status again on the same port and database, on the given calendar and clock. */
const restartCivilStatus = (calendar: string, clockStart: string): Promise<void> =>
  hub.restart("civil-status", { CALENDAR_DIR: calendar, CLOCK_START: clockStart });

const dossier = async (code: string) =>
  (
    await hub.graphql<{ civilStatusDossier: Record<string, unknown> }>(
      `query($code: ID!) { civilStatusDossier(code: $code) { ${DOSSIER} } }`,
      { code },
      { token: await officer() },
    )
  ).body;

describe("e2e > calendar > a year without an official file", () => {
  let code: string;

  it("receives a dossier due in it, with a due date counted on the provisional calendar and marked so", async () => {
    const resident = await hub.registry.database.dataSource.manager.findOneByOrFail<Citizen>("Citizen", {
      residenceCommuneCode: "10369",
    });
    const res = await hub.graphql<{ receiveCivilStatusDossier: Record<string, unknown> }>(
      `mutation($input: ReceiveCivilStatusDossierInput!) { receiveCivilStatusDossier(input: $input) { ${DOSSIER} } }`,
      {
        input: {
          idempotencyKey: "calendar-2027-marriage",
          procedureCode: "1.000894",
          applicantPersonalId: resident.personalId,
          verificationNeeded: true,
        },
      },
      { token: await officer() },
    );
    expect(res.body.errors).toBeUndefined();
    const received = res.body.data!.receiveCivilStatusDossier;
    code = String(received.code);
    // 5 working days from Friday 29 January: Mon 1, Tue 2 February, then the provisional Tết window
    // keeps every weekday from Wed 3 to Fri 12 February off, so Mon 15, Tue 16, Wed 17 February.
    expect(received).toEqual({
      code: "10369.HT-270129-0001",
      status: "ACCEPTED",
      version: 1,
      dueAt: "2027-02-17T16:59:59.999Z",
      dueProvisional: true,
      history: [{ fromStatus: null, toStatus: "ACCEPTED", actor: "officer-10369", note: null }],
    });
  });

  it("counts it again with a history entry when the official file is added and the service restarts", async () => {
    for (const year of ["2025", "2026"]) {
      copyFileSync(resolve(REPO_ROOT, `infra/calendar/${year}.json`), join(calendarDir, `${year}.json`));
    }
    writeFileSync(join(calendarDir, "2027.json"), JSON.stringify(OFFICIAL_2027));
    await restartCivilStatus(calendarDir, "2027-01-29T10:00:00+07:00");

    const body = await dossier(code);
    expect(body.errors).toBeUndefined();
    // Officially Tết is Thu 4 – Wed 10 February: Mon 1, Tue 2, Wed 3, Thu 11, Fri 12 February.
    expect(body.data!.civilStatusDossier).toEqual({
      code,
      status: "ACCEPTED",
      version: 1,
      dueAt: "2027-02-12T16:59:59.999Z",
      dueProvisional: false,
      history: [
        { fromStatus: null, toStatus: "ACCEPTED", actor: "officer-10369", note: null },
        {
          fromStatus: "ACCEPTED",
          toStatus: "ACCEPTED",
          actor: "system:calendar",
          note: "Hạn trả kết quả tính lại theo lịch nghỉ chính thức — due date recounted on the official calendar: 2027-02-17 → 2027-02-12",
        },
      ],
    });
  });

  it("does not count it again on the next start", async () => {
    await restartCivilStatus(calendarDir, "2027-01-29T11:00:00+07:00");
    const history = (dossier(code) as Promise<{ data?: { civilStatusDossier: { history: unknown[] } } }>).then(
      (body) => body.data!.civilStatusDossier.history,
    );
    expect(await history).toHaveLength(2);
  });
});
