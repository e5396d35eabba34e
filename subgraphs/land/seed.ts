import type { DataSource } from "typeorm";

import { communesOfProvince } from "../kit/admin-units";
import { addCalendarDays, toLocalDate, type WorkingCalendar } from "../kit/calendar";
import { bulkLoad, withIndexesBuiltAfter } from "../kit/database";
import { drawResident, type Fit, Pool, seedResidents, yearsOld } from "../kit/desk/residents";
import { DEMO_MONTHS, DeskSimulator, insertObjects, type SimulatedDossier } from "../kit/desk/simulator";
import type { DeskRate } from "../kit/desk/volumes";
import { FIELD_PREFIX } from "../kit/dossier/code";
import { DossierStatus } from "../kit/dossier/status";
import { log } from "../kit/logger";
import { type CitizenSeed, mulberry32, type PopulationScaleName, showcaseResident } from "../kit/population";
import { type LandProcedure, limitFor, procedureByCode } from "./catalogue";
import { LandParcel } from "./entities/parcel";
import { LAND_USE_CODES, RESIDENTIAL_CODES } from "./land-use-codes";
import { defaultTermFor, permitStartDeadline } from "./rules";

/**
 * The demo land register and desks of Hà Nội: for the synthetic residents of every commune (the
 * kit's population, the same people the registry seeds), parcels with their uses, a valid
 * certificate naming one adult or a married couple, some mortgages and a few disputes, some house
 * permits; then 18 months of land dossiers through the kit's desk simulator, whose completed
 * dossiers issued their results in the register (a transfer replaced the certificate, a permit was
 * issued on the applicant's parcel). Deterministic for a given seed and `now`; bulk-inserted.
 */
export interface SeedLandOptions {
  unitsFile: string;
  scale: PopulationScaleName;
  calendar: WorkingCalendar;
  /** The demo's "today": certificates are issued before it, dossiers received in the 18 months up to it. */
  now?: Date;
  seed?: number;
}

export interface SeededLand {
  parcels: number;
  certificates: number;
  encumbrances: number;
  permits: number;
  dossiers: number;
}

/** Busier in urban wards, quieter in rural communes (and the reverse), for the procedures that differ. */
const URBAN = { WARD: 1.2, COMMUNE: 0.85, SPECIAL_ZONE: 0.85 } as const;
const RURAL = { WARD: 0.5, COMMUNE: 1.35, SPECIAL_ZONE: 1.35 } as const;

/**
 * How often each land and construction procedure comes to a commune's desk, per 1,000 people a
 * year (DESIGN §8: volumes of real desks): about 155 dossiers a month for an average Hà Nội commune
 * of 69,000 people, 205 in a ward, 120 in a rural commune. No source found gives counts per commune,
 * so each is an estimate from the size of Hà Nội's land market and register; the extension of a
 * construction permit (1.013227) is left out, as the register does not simulate it.
 */
export const LAND_RATES: readonly DeskRate[] = [
  {
    code: "1.013831",
    perThousand: 16,
    byKind: URBAN,
    source:
      "estimate: about 140,000 sales, inheritances and gifts of land-use rights a year in Hà Nội, with houses and flats; low",
  },
  {
    code: "1.013978",
    perThousand: 2,
    byKind: RURAL,
    source: "estimate: first certificates for the few parcels never certified, most of them rural; low",
  },
  {
    code: "1.013225",
    perThousand: 1.8,
    // Rural houses outside planned areas need no permit (Luật Xây dựng 2014 art. 89(2)).
    byKind: { WARD: 1.3, COMMUNE: 0.8, SPECIAL_ZONE: 0.8 },
    source: "estimate: about 15,000 permits for individual houses a year in Hà Nội; low",
  },
  { code: "1.012784", perThousand: 2, source: "estimate: splits and merges of parcels; low" },
  {
    code: "1.012783",
    perThousand: 3,
    source: "estimate: exchanges of old certificates (worn, re-measured, new form); low",
  },
  { code: "1.012786", perThousand: 0.5, source: "estimate: re-issues of lost certificates; low" },
  {
    code: "1.013949",
    perThousand: 0.8,
    byKind: RURAL,
    source: "estimate: allocations, leases and changes of use decided by the commune; low",
  },
  { code: "1.013226", perThousand: 0.2, source: "estimate: adjustments of construction permits; low" },
  { code: "1.013967", perThousand: 0.3, source: "estimate: land disputes brought to the commune chair; low" },
  { code: "1.013228", perThousand: 0.1, source: "estimate: re-issues of construction permits; low" },
];

/**
 * At the test scale, how often each procedure comes to a commune's land desk, roughly: changes
 * (sales, inheritance, gifts) most, then first certificates, permits and splits. Cumulative shares.
 */
const PROCEDURE_SHARES: readonly [string, number][] = [
  ["1.013831", 0.38], // transfer, inheritance, gift
  ["1.013978", 0.53], // first registration and certificate
  ["1.013225", 0.65], // construction permit
  ["1.012784", 0.73], // split or merge
  ["1.012783", 0.83], // exchange a certificate
  ["1.012786", 0.88], // re-issue a lost certificate
  ["1.013949", 0.93], // allocation, lease, change of use
  ["1.013226", 0.96], // adjust a permit
  ["1.013967", 0.98], // land dispute
  ["1.013228", 1], // re-issue a permit
];

const pickProcedure = (roll: number): LandProcedure =>
  procedureByCode((PROCEDURE_SHARES.find(([, share]) => roll < share) ?? PROCEDURE_SHARES[0])[0]) as LandProcedure;

/** Two capital letters and six digits, as the 2009 form prints its serial ("CS 123456" without the space). */
const serialOf = (n: number): string => {
  const letters = "ABCDEGHKLMNPQRSTUVXY";
  return `${letters[Math.floor(n / 1_000_000) % letters.length]}${letters[Math.floor(n / 20_000_000) % letters.length]}${String(n % 1_000_000).padStart(6, "0")}`;
};

const adultOn = (citizen: CitizenSeed, today: string): boolean => yearsOld(citizen, today) >= 20;

type Row = Record<string, unknown>;

/** The register as it is built: rows by table, and what the desks need to find in it. */
class DemoLandRegister {
  readonly parcels: Row[] = [];
  readonly uses: Row[] = [];
  readonly certificates: Row[] = [];
  readonly holders: Row[] = [];
  readonly endorsements: Row[] = [];
  readonly encumbrances: Row[] = [];
  readonly permits: Row[] = [];
  private readonly sheets = new Map<string, { sheet: number; number: number }>();
  /** The certificates naming each person, and the parcels a transfer-blocking encumbrance holds: looked up per receipt. */
  private readonly certificatesOf = new Map<string, Row[]>();
  private readonly blocked = new Set<unknown>();
  private readonly holdersBy = new Map<unknown, Row[]>();
  private readonly usesBy = new Map<unknown, Row[]>();

  constructor(private readonly random: () => number) {}

  /** A new parcel at a commune (its own map unit), with its uses, and a valid certificate to its holders. */
  addParcel(
    communeCode: string,
    ward: boolean,
    holders: readonly [CitizenSeed, string][],
    registeredOn: string,
    dossierCode: string | null,
  ): Row {
    const between = (low: number, high: number) => low + Math.floor(this.random() * (high - low + 1));
    const position = this.sheets.get(communeCode) ?? { sheet: 1, number: 0 };
    position.number += 1;
    if (position.number > 60) {
      position.sheet += 1;
      position.number = 1;
    }
    this.sheets.set(communeCode, position);
    const residential = ward ? between(400, 1500) : between(1000, 4000); // tenths of m²
    const landUses: [string, number][] = [[ward ? "ODT" : "ONT", residential]];
    if (!ward && this.random() < 0.6) landUses.push([this.random() < 0.5 ? "CLN" : "HNK", between(500, 5000)]);
    if (this.random() < 0.08) landUses.splice(0, landUses.length, ["LUC", between(2000, 20000)]);
    const parcel: Row = {
      id: this.parcels.length + 1,
      map_unit_code: communeCode,
      map_sheet: position.sheet,
      parcel_number: position.number,
      commune_code: communeCode,
      province_code: "01",
      area_tenths_m2: landUses.reduce((sum, [, tenths]) => sum + tenths, 0),
      address: null,
      active: 1,
      parent_id: null,
      registered_on: registeredOn,
    };
    this.parcels.push(parcel);
    for (const [code, tenths] of landUses) {
      const term = defaultTermFor(code, registeredOn);
      const use: Row = {
        id: this.uses.length + 1,
        parcel_id: parcel.id,
        land_use_code: code,
        code_version: LAND_USE_CODES.version,
        area_tenths_m2: tenths,
        term_until: term && term !== "STABLE_LONG_TERM" ? term.until : null,
      };
      this.uses.push(use);
      const uses = this.usesBy.get(parcel.id);
      if (uses) uses.push(use);
      else this.usesBy.set(parcel.id, [use]);
    }
    this.issueCertificate(parcel, holders, registeredOn, dossierCode, null);
    return parcel;
  }

  /** A valid certificate for a parcel; the one it replaces (if any) is marked REPLACED in the same step. */
  issueCertificate(
    parcel: Row,
    holders: readonly [CitizenSeed, string][],
    issuedOn: string,
    dossierCode: string | null,
    replaces: Row | null,
  ): Row {
    if (replaces) {
      replaces.status = "REPLACED";
      replaces.valid_parcel_id = null;
    }
    const id = this.certificates.length + 1;
    const certificate: Row = {
      id,
      parcel_id: parcel.id,
      valid_parcel_id: parcel.id,
      serial: serialOf(id),
      form: dossierCode ? "GCN_2024" : "GCN_2009",
      status: "VALID",
      issued_on: issuedOn,
      commune_code: parcel.commune_code,
      province_code: "01",
      dossier_code: dossierCode,
      replaces_id: replaces?.id ?? null,
    };
    this.certificates.push(certificate);
    for (const [person, role] of holders) {
      const held = this.certificatesOf.get(person.personalId);
      if (held) held.push(certificate);
      else this.certificatesOf.set(person.personalId, [certificate]);
      const holder = {
        id: this.holders.length + 1,
        certificate_id: id,
        personal_id: person.personalId,
        role,
        deceased_on: null,
      };
      this.holders.push(holder);
      const holders = this.holdersBy.get(id);
      if (holders) holders.push(holder);
      else this.holdersBy.set(id, [holder]);
    }
    return certificate;
  }

  endorse(certificate: Row, kind: string, on: string, content: string, dossierCode: string): void {
    this.endorsements.push({
      id: this.endorsements.length + 1,
      certificate_id: certificate.id,
      kind,
      endorsed_on: on,
      note: content,
      commune_code: certificate.commune_code,
      province_code: "01",
      dossier_code: dossierCode,
    });
  }

  /** An encumbrance on a parcel; one that blocks transfers and is in force takes the parcel off the market. */
  addEncumbrance(encumbrance: Row): void {
    this.encumbrances.push({ id: this.encumbrances.length + 1, ...encumbrance });
    if (encumbrance.blocks_transfer === 1 && encumbrance.until_date === null) this.blocked.add(encumbrance.parcel_id);
  }

  /** Whether the person holds a valid certificate at the commune, blocked or not. */
  holds(personalId: string, communeCode: string): boolean {
    return (this.certificatesOf.get(personalId) ?? []).some(
      (c) => c.status === "VALID" && c.commune_code === communeCode,
    );
  }

  /** The valid certificates a person holds at a commune, with no encumbrance that blocks a transfer. */
  transferable(personalId: string, communeCode: string): Row[] {
    return (this.certificatesOf.get(personalId) ?? []).filter(
      (c) => c.status === "VALID" && c.commune_code === communeCode && !this.blocked.has(c.parcel_id),
    );
  }

  /** The holders of a certificate, as people and roles. */
  holdersOf(certificate: Row, people: ReadonlyMap<string, CitizenSeed>): [CitizenSeed, string][] {
    return (this.holdersBy.get(certificate.id) ?? []).map((h) => [
      people.get(String(h.personal_id)) as CitizenSeed,
      String(h.role),
    ]);
  }
  parcelOf(certificate: Row): Row {
    return this.parcels[Number(certificate.parcel_id) - 1];
  }

  isResidential(parcel: Row): boolean {
    return (this.usesBy.get(parcel.id) ?? []).some((use) => RESIDENTIAL_CODES.includes(String(use.land_use_code)));
  }

  addPermit(parcel: Row, holder: CitizenSeed, issuedOn: string, dossierCode: string | null): void {
    const between = (low: number, high: number) => low + Math.floor(this.random() * (high - low + 1));
    const residential = this.usesBy.get(parcel.id)?.[0]?.area_tenths_m2 as number;
    const ground = Math.min(residential, between(300, 1200));
    const floors = between(2, 5);
    this.permits.push({
      id: this.permits.length + 1,
      parcel_id: parcel.id,
      holder_personal_id: holder.personalId,
      kind: "NEW",
      work_type: "INDIVIDUAL_HOUSE",
      floors,
      ground_floor_tenths_m2: ground,
      gross_floor_tenths_m2: ground * floors,
      status: "VALID",
      issued_on: issuedOn,
      extensions: 0,
      start_deadline: permitStartDeadline(issuedOn, 0),
      commune_code: parcel.commune_code,
      province_code: "01",
      dossier_code: dossierCode,
    });
  }
}

/** Completed dossiers waiting for their completion time, earliest first (a binary heap). */
class CompletionQueue<P extends LandProcedure> {
  private readonly times: number[] = [];
  private readonly dossiers: SimulatedDossier<P>[] = [];

  add(dossier: SimulatedDossier<P>): void {
    const { times, dossiers } = this;
    let child = times.length;
    times.push(dossier.completed!.at.getTime());
    dossiers.push(dossier);
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (times[parent] <= times[child]) break;
      this.swap(parent, child);
      child = parent;
    }
  }

  /** The earliest dossier completed at or before `at`, taken out of the queue; undefined if none. */
  before(at: Date): SimulatedDossier<P> | undefined {
    const { times, dossiers } = this;
    if (times.length === 0 || times[0] > at.getTime()) return undefined;
    const first = dossiers[0];
    const lastTime = times.pop() as number;
    const last = dossiers.pop() as SimulatedDossier<P>;
    if (times.length > 0) {
      times[0] = lastTime;
      dossiers[0] = last;
      for (let parent = 0; ; ) {
        const left = 2 * parent + 1;
        let smallest = parent;
        if (left < times.length && times[left] < times[smallest]) smallest = left;
        if (left + 1 < times.length && times[left + 1] < times[smallest]) smallest = left + 1;
        if (smallest === parent) break;
        this.swap(parent, smallest);
        parent = smallest;
      }
    }
    return first;
  }

  private swap(a: number, b: number): void {
    const { times, dossiers } = this;
    [times[a], times[b]] = [times[b], times[a]];
    [dossiers[a], dossiers[b]] = [dossiers[b], dossiers[a]];
  }
}

/** Seeds the demo land register and desks; returns what it wrote. */
export const seedLand = async (dataSource: DataSource, options: SeedLandOptions): Promise<SeededLand> => {
  const now = options.now ?? new Date();
  const today = toLocalDate(now);
  const random = mulberry32(options.seed ?? 20250703);
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const communes = communesOfProvince(options.unitsFile, "01");
  const kindOf = new Map(communes.map((commune) => [commune.code, commune.kind]));
  const { residents, people } = seedResidents(communes, options.scale);
  const register = new DemoLandRegister(random);
  const showcase = showcaseResident(people.values());

  // The register as the desks found it 18 months ago.
  for (const [communeCode, group] of [...residents.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const ward = kindOf.get(communeCode) === "WARD";
    const adults = group.filter((person) => adultOn(person, today));
    let held = 0;
    for (let i = 0; i < adults.length; i += 1) {
      // About half the adults hold a parcel; a married couple holds one together. The last adult of
      // a commune with no parcel yet takes one, so every commune's register has some.
      if (random() >= 0.5 && !(i === adults.length - 1 && held === 0)) continue;
      const first = adults[i];
      const partner = adults[i + 1];
      const couple = partner !== undefined && partner.gender !== first.gender && random() < 0.4;
      if (couple) i += 1;
      held += 1;
      const registeredOn = `${between(2000, 2020)}-${String(between(1, 12)).padStart(2, "0")}-${String(between(1, 28)).padStart(2, "0")}`;
      const holders: [CitizenSeed, string][] = couple
        ? [
            [first, first.gender === "MALE" ? "HUSBAND" : "WIFE"],
            [partner, first.gender === "MALE" ? "WIFE" : "HUSBAND"],
          ]
        : [[first, "INDIVIDUAL"]];
      const parcel = register.addParcel(communeCode, ward, holders, registeredOn, null);
      const roll = random();
      // Mortgages are common (a bank loan against the certificate); disputes rare.
      if (roll < 0.14) {
        const dispute = roll >= 0.12;
        register.addEncumbrance({
          parcel_id: parcel.id,
          kind: dispute ? "DISPUTE" : "MORTGAGE",
          blocks_transfer: 1,
          from_date: addCalendarDays(today, -between(dispute ? 10 : 30, dispute ? 400 : 2000)),
          until_date: null,
          reference: dispute ? null : `HĐTC-${String(parcel.id).padStart(6, "0")}`,
          note: dispute ? "Tranh chấp ranh giới với thửa liền kề" : null,
          commune_code: communeCode,
        });
      }
      if (register.isResidential(parcel) && random() < 0.06) {
        register.addPermit(parcel, first, addCalendarDays(today, -between(541, 900)), null);
      }
    }
    // The showcase resident (Citizen 360's default person) holds their home at
    // Ứng Thiên, free of encumbrances, whatever the draws said.
    if (
      showcase?.residenceCommuneCode === communeCode &&
      register.transferable(showcase.personalId, communeCode).length === 0
    ) {
      register.addParcel(communeCode, ward, [[showcase, "INDIVIDUAL"]], "2004-03-15", null);
    }
  }

  // 18 months of land dossiers, played in time order: before each receipt, the dossiers completed
  // by then issue their results, so the register a desk consults is the register of that day.
  const desks = new DeskSimulator<LandProcedure>({
    calendar: options.calendar,
    now,
    random,
    prefix: FIELD_PREFIX.LAND,
    months: DEMO_MONTHS,
    waitStates: [DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.FINANCIAL_OBLIGATION],
  });
  const receipts = desks.planForScale(options.scale, communes, residents, {
    pick: pickProcedure,
    rates: LAND_RATES,
    procedureOf: (code) => procedureByCode(code) as LandProcedure,
  });
  // Who may ask for a change, an exchange or a re-issue: holders of a valid certificate at the
  // commune. A dossier that will complete claims its certificate when it is received, so that no
  // other dossier sells or exchanges it meanwhile.
  // The showcase resident keeps their home: Citizen 360 opens on it.
  const holderPools = new Map([...residents.keys()].map((code) => [code, new Pool()]));
  for (const holder of register.holders) {
    const person = people.get(String(holder.personal_id)) as CitizenSeed;
    if (person !== showcase) holderPools.get(person.residenceCommuneCode)?.add(person);
  }
  const claimed = new Map<unknown, Row>();
  const claimedBy = new Map<string, Row>();
  const unclaimed = (personalId: string, communeCode: string) =>
    register.transferable(personalId, communeCode).filter((certificate) => !claimed.has(certificate.id));
  const holderFit =
    (communeCode: string, on: string, residential = false) =>
    (person: CitizenSeed): Fit => {
      if (!adultOn(person, on)) return "not now";
      const free = unclaimed(person.personalId, communeCode);
      if (free.some((certificate) => !residential || register.isResidential(register.parcelOf(certificate)))) {
        return "yes";
      }
      return register.transferable(person.personalId, communeCode).length > 0 ? "not now" : "never";
    };
  const becomesHolder = (person: CitizenSeed, communeCode: string) => {
    if (person !== showcase) holderPools.get(communeCode)?.add(person);
  };

  /** Issues a completed dossier's result in the register, or stops the dossier when the register does not allow it. */
  const complete = (dossier: SimulatedDossier<LandProcedure>) => {
    const on = toLocalDate(dossier.completed!.at);
    const applicant = people.get(dossier.applicantPersonalId) as CitizenSeed;
    const communeCode = dossier.commune.code;
    const ward = kindOf.get(communeCode) === "WARD";
    const held = claimedBy.get(dossier.code);
    if (held) {
      claimedBy.delete(dossier.code);
      claimed.delete(held.id);
    }
    switch (dossier.procedure.result) {
      case "FIRST_CERTIFICATE":
        register.addParcel(communeCode, ward, [[applicant, "INDIVIDUAL"]], on, dossier.code);
        becomesHolder(applicant, communeCode);
        break;
      case "TRANSFER_REGISTRATION": {
        const buyer = drawResident(
          residents.get(communeCode) ?? [],
          (person) => person.personalId !== applicant.personalId && adultOn(person, on),
          random,
        );
        if (!held || held.status !== "VALID" || !buyer) {
          desks.stopInstead(dossier, "Thửa đất không đủ điều kiện chuyển nhượng (Luật Đất đai 2024, Điều 45)");
          break;
        }
        const certificate = register.issueCertificate(
          register.parcelOf(held),
          [[buyer, "INDIVIDUAL"]],
          on,
          dossier.code,
          held,
        );
        register.endorse(certificate, "SALE", on, `Chuyển nhượng cho ${buyer.fullName}`, dossier.code);
        becomesHolder(buyer, communeCode);
        break;
      }
      case "CERTIFICATE_EXCHANGE":
      case "CERTIFICATE_REISSUE": {
        if (!held || held.status !== "VALID") {
          desks.stopInstead(dossier, "Người nộp không đứng tên Giấy chứng nhận hợp lệ");
          break;
        }
        const exchange = dossier.procedure.result === "CERTIFICATE_EXCHANGE";
        const certificate = register.issueCertificate(
          register.parcelOf(held),
          register.holdersOf(held, people),
          on,
          dossier.code,
          held,
        );
        register.endorse(
          certificate,
          exchange ? "EXCHANGE" : "REISSUE",
          on,
          exchange ? "Cấp đổi Giấy chứng nhận" : "Cấp lại Giấy chứng nhận do bị mất",
          dossier.code,
        );
        break;
      }
      case "CONSTRUCTION_PERMIT": {
        const parcel = register
          .transferable(applicant.personalId, communeCode)
          .map((certificate) => register.parcelOf(certificate))
          .find((p) => register.isResidential(p));
        if (!parcel) {
          desks.stopInstead(dossier, "Thửa đất không có đất ở (Nghị định 217/2026, Điều 50)");
          break;
        }
        register.addPermit(parcel, applicant, on, dossier.code);
        break;
      }
      case "SPLIT_OR_MERGE":
        // No province's minimum split area is configured (minimum-split-area.ts), so no split passes.
        desks.stopInstead(dossier, "Chưa có quy định diện tích tối thiểu được tách thửa của tỉnh");
        break;
      default:
        // Decisions, permit adjustments and re-issues complete without a register entry here.
        break;
    }
  };

  const pending = new CompletionQueue<LandProcedure>();
  const claiming = new Set(["TRANSFER_REGISTRATION", "CERTIFICATE_EXCHANGE", "CERTIFICATE_REISSUE"]);
  for (const receipt of receipts) {
    for (let next = pending.before(receipt.received); next; next = pending.before(receipt.received)) complete(next);
    const communeCode = receipt.commune.code;
    const on = toLocalDate(receipt.received);
    const procedure = receipt.procedure;
    const pool = holderPools.get(communeCode) as Pool;
    // Changes, exchanges and re-issues are asked for by a holder, permits by a holder of a home;
    // anything else by any adult.
    const applicant =
      (claiming.has(procedure.result)
        ? pool.draw(random, holderFit(communeCode, on))
        : procedure.result === "CONSTRUCTION_PERMIT"
          ? pool.draw(random, holderFit(communeCode, on, true))
          : undefined) ?? drawResident(residents.get(communeCode) ?? [], (person) => adultOn(person, on), random);
    if (!applicant) continue;
    const caseKey = procedure.limitsByCase ? procedure.limitsByCase[0].key : undefined;
    const dossier = desks.settle(
      receipt,
      procedure,
      applicant.personalId,
      limitFor(procedure, { difficultArea: false, caseKey }),
    );
    if (!dossier.completed) continue;
    if (claiming.has(procedure.result)) {
      const certificate = unclaimed(applicant.personalId, communeCode)[0];
      if (certificate) {
        claimed.set(certificate.id, certificate);
        claimedBy.set(dossier.code, certificate);
      }
    }
    pending.add(dossier);
  }
  for (let next = pending.before(now); next; next = pending.before(now)) complete(next);

  const dossiers = await bulkLoad(dataSource, async (manager) => {
    await withIndexesBuiltAfter(manager, REGISTER_TABLES, async () => {
      await insertObjects(manager, "land_parcel", register.parcels);
      await insertObjects(manager, "land_use", register.uses);
      await insertObjects(manager, "land_certificate", register.certificates);
      await insertObjects(manager, "land_certificate_holder", register.holders);
      await insertObjects(manager, "land_certificate_endorsement", register.endorsements);
      await insertObjects(manager, "land_encumbrance", register.encumbrances);
      await insertObjects(manager, "construction_permit", register.permits);
    });
    return desks.insert(manager, "land_dossier", "01");
  });
  const seeded = {
    parcels: register.parcels.length,
    certificates: register.certificates.length,
    encumbrances: register.encumbrances.length,
    permits: register.permits.length,
    dossiers,
  };
  log.info("seeded the demo land register and desks", { ...seeded });
  return seeded;
};

const REGISTER_TABLES = [
  "land_parcel",
  "land_use",
  "land_certificate",
  "land_certificate_holder",
  "land_certificate_endorsement",
  "land_encumbrance",
  "construction_permit",
];

/** True when the land register holds no parcel yet. */
export const isEmpty = async (dataSource: DataSource): Promise<boolean> =>
  (await dataSource.manager.count(LandParcel)) === 0;
