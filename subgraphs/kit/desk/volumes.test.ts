import { loadWorkingCalendar, toLocalDate } from "../calendar";
import { FIELD_PREFIX } from "../dossier/code";
import { type CommuneForSeeding, estimatedPopulations, mulberry32 } from "../population";
import type { DeskProcedure } from "./catalogue";
import { DeskSimulator } from "./simulator";
import { type DeskRate, expectedPerMonth, poisson, seasonal } from "./volumes";

const calendar = loadWorkingCalendar();

const procedure = (code: string): DeskProcedure => ({
  code,
  nameVi: code,
  nameEn: code,
  limit: { kind: "WORKING_DAYS", days: 3 },
  legalBasis: [],
});

/** Hà Nội's kinds of unit as the official list has them: 51 wards and 75 communes. */
const hanoi: CommuneForSeeding[] = [
  ...Array.from({ length: 51 }, (_, i) => ({
    code: String(1000 + i).padStart(5, "0"),
    provinceCode: "01",
    kind: "WARD" as const,
  })),
  ...Array.from({ length: 75 }, (_, i) => ({
    code: String(2000 + i).padStart(5, "0"),
    provinceCode: "01",
    kind: "COMMUNE" as const,
  })),
];

describe("kit > desk > volumes", () => {
  test("shares Hà Nội's 8.7 million people half in wards, half in communes, each commune its own size", () => {
    // The demo's desks receive dossiers in proportion to these estimates.
    const people = estimatedPopulations(hanoi);
    const total = [...people.values()].reduce((sum, n) => sum + n, 0);
    expect(Math.abs(total - 8_700_000)).toBeLessThan(200);
    const wards = hanoi.filter((c) => c.kind === "WARD").map((c) => people.get(c.code)!);
    const communes = hanoi.filter((c) => c.kind === "COMMUNE").map((c) => people.get(c.code)!);
    expect(wards.reduce((a, b) => a + b) / wards.length).toBeCloseTo(4_350_000 / 51, -2);
    expect(communes.reduce((a, b) => a + b) / communes.length).toBeCloseTo(4_350_000 / 75, -2);
    expect(Math.min(...wards)).toBeGreaterThan(0.55 * (4_350_000 / 51));
    expect(Math.max(...wards)).toBeLessThan(1.45 * (4_350_000 / 51));
    expect(new Set(wards).size).toBeGreaterThan(40);
    // The same commune is the same size whoever asks, whatever else is asked about.
    expect(estimatedPopulations([...hanoi].reverse()).get("01000")).toBe(people.get("01000"));
    expect(() => estimatedPopulations([{ code: "99999", provinceCode: "99", kind: "WARD" }])).toThrow(/99/);
  });

  test("scales a seasonal pattern to a mean of one and rejects one that is not twelve months", () => {
    const pattern = seasonal([2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2]);
    expect(pattern.reduce((a, b) => a + b) / 12).toBeCloseTo(1, 10);
    expect(pattern[0] / pattern[1]).toBeCloseTo(2, 10);
    expect(() => seasonal([1, 2, 3])).toThrow(/12 months/);
  });

  test("draws Poisson counts with the mean asked for, small and large", () => {
    const random = mulberry32(7);
    for (const lambda of [0, 0.3, 4, 45]) {
      let sum = 0;
      for (let i = 0; i < 20_000; i += 1) sum += poisson(lambda, random);
      expect(sum / 20_000).toBeCloseTo(lambda, lambda > 10 ? 0 : 1);
    }
  });

  test("expects a year's dossiers per 1,000 people, times the kind and the month", () => {
    const rate: DeskRate = {
      code: "x",
      perThousand: 12,
      byKind: { WARD: 1.5 },
      byMonth: seasonal(new Array(12).fill(1)),
      source: "test",
    };
    expect(expectedPerMonth(rate, 10_000, "COMMUNE", 3)).toBeCloseTo(10, 10);
    expect(expectedPerMonth(rate, 10_000, "WARD", 3)).toBeCloseTo(15, 10);
  });
});

describe("kit > desk > simulator > planAtRates", () => {
  test("receives each procedure at its rate, on working days at desk hours, more in wards and in season", () => {
    // A year of two desks, one in a ward of 80,000 people and one in a commune of 50,000.
    const now = new Date("2026-12-31T09:00:00Z");
    const desks = new DeskSimulator<DeskProcedure>({
      calendar,
      now,
      random: mulberry32(1),
      prefix: FIELD_PREFIX.CIVIL_STATUS,
      months: 12,
    });
    const communes: CommuneForSeeding[] = [
      { code: "00001", provinceCode: "01", kind: "WARD" },
      { code: "00002", provinceCode: "01", kind: "COMMUNE" },
    ];
    const people = new Map([
      ["00001", 80_000],
      ["00002", 50_000],
    ]);
    const wedding = seasonal([1, 1, 1, 1, 1, 1, 1, 0.5, 1, 1, 2, 2]);
    const rates: DeskRate[] = [
      { code: "A", perThousand: 14, source: "test" },
      { code: "B", perThousand: 7.5, byKind: { WARD: 1.2, COMMUNE: 0.8 }, byMonth: wedding, source: "test" },
    ];
    const receipts = desks.planAtRates(communes, people, rates, procedure);
    const count = (filter: (r: (typeof receipts)[number]) => boolean) => receipts.filter(filter).length;
    // A year is 360 days of the period (12 × 30), about 0.986 of the rate's year.
    const share = (now.getTime() - desks.earliest) / (365 * 86_400_000);
    expect(count((r) => r.procedure.code === "A" && r.commune.code === "00001") / (14 * 80 * share)).toBeCloseTo(1, 1);
    expect(count((r) => r.procedure.code === "A" && r.commune.code === "00002") / (14 * 50 * share)).toBeCloseTo(1, 1);
    expect(count((r) => r.procedure.code === "B" && r.commune.code === "00001") / (7.5 * 1.2 * 80 * share)).toBeCloseTo(
      1,
      1,
    );
    const inMonth = (month: string) =>
      count((r) => r.procedure.code === "B" && toLocalDate(r.received).startsWith(month));
    expect(inMonth("2026-11")).toBeGreaterThan(3 * inMonth("2026-08"));
    for (const receipt of receipts) {
      const day = toLocalDate(receipt.received);
      expect(calendar.isWorkingDay(day)).toBe(true);
      const hour = (((receipt.received.getTime() / 3_600_000 + 7) % 24) + 24) % 24;
      expect(hour).toBeGreaterThanOrEqual(7.5);
      expect(hour).toBeLessThanOrEqual(16.5);
      expect(receipt.received.getTime()).toBeGreaterThanOrEqual(desks.earliest);
      expect(receipt.received.getTime()).toBeLessThanOrEqual(now.getTime());
    }
    // In time order, as the seeds issue results in it.
    expect(receipts.every((r, i) => i === 0 || receipts[i - 1].received <= r.received)).toBe(true);
  });
});
