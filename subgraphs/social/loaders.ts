import DataLoader from "dataloader";
import { type EntityManager, In } from "typeorm";

import { createParameterisedLoader } from "../kit/batch-loader";
import { type Database, sharedQuery } from "../kit/database";
import type { createDeskLoaders, DeskContext, DeskServices } from "../kit/desk/loaders";
import { createGuardedLoader } from "../kit/guarded-loader";
import type { Place } from "../kit/guards";
import { socialDesk } from "./desk";
import {
  DisabilityCertificate,
  FuneralSupport,
  SocialBenefit,
  SocialHousehold,
  SocialHouseholdMember,
  SocialPayment,
  SocialPerson,
} from "./entities/register";
import { amountOfRows } from "./roll";

/** A household with its members, as one person's record shows it. */
export interface HouseholdRecord {
  household: SocialHousehold;
  members: SocialHouseholdMember[];
}

/** What the social register and desks hold about one person, and the places that hold it. */
export interface CitizenSocialRecords {
  personalId: string;
  person: SocialPerson | null;
  benefits: SocialBenefit[];
  payments: SocialPayment[];
  /** The households the person belongs to, latest year first. */
  households: HouseholdRecord[];
  disabilityCertificates: DisabilityCertificate[];
  funeralSupport: FuneralSupport | null;
  /** Communes whose register or desk holds something of the person. */
  places: Place[];
}

/** Reads the social records of many people in a fixed number of statements, whatever their number. */
export const loadCitizenSocial = async (
  manager: EntityManager,
  ids: readonly string[],
): Promise<Map<string, CitizenSocialRecords>> => {
  const unique = [...new Set(ids)];
  const result = new Map<string, CitizenSocialRecords>(
    unique.map((id) => [
      id,
      {
        personalId: id,
        person: null,
        benefits: [],
        payments: [],
        households: [],
        disabilityCertificates: [],
        funeralSupport: null,
        places: [],
      },
    ]),
  );
  if (unique.length === 0) return result;
  const marks = unique.map(() => "?").join(", ");
  const [people, benefits, payments, memberships, certificates, funerals, dossierPlaces] = await Promise.all([
    manager.findBy(SocialPerson, { personalId: In(unique) }),
    manager.find(SocialBenefit, { where: { personalId: In(unique) }, order: { startMonth: "ASC", id: "ASC" } }),
    manager.find(SocialPayment, { where: { personalId: In(unique) }, order: { month: "ASC", id: "ASC" } }),
    manager.find(SocialHouseholdMember, { where: { personalId: In(unique) } }),
    manager.find(DisabilityCertificate, { where: { personalId: In(unique) }, order: { issuedOn: "ASC", id: "ASC" } }),
    manager.findBy(FuneralSupport, { deceasedPersonalId: In(unique) }),
    manager.query(
      `SELECT DISTINCT applicant_personal_id AS p, commune_code AS c, province_code AS v
         FROM social_dossier WHERE applicant_personal_id IN (${marks})`,
      unique,
    ) as Promise<{ p: string; c: string; v: string }[]>,
  ]);
  const householdIds = [...new Set(memberships.map((member) => member.householdId))];
  const [households, members] =
    householdIds.length === 0
      ? [[], []]
      : await Promise.all([
          manager.find(SocialHousehold, { where: { id: In(householdIds) }, order: { year: "DESC", id: "DESC" } }),
          manager.find(SocialHouseholdMember, { where: { householdId: In(householdIds) }, order: { id: "ASC" } }),
        ]);
  const addPlace = (id: string, place: Place) => {
    const entry = result.get(id);
    if (entry && !entry.places.some((p) => p.communeCode === place.communeCode)) entry.places.push(place);
  };
  for (const person of people) result.get(person.personalId)!.person = person;
  for (const benefit of benefits) {
    result.get(benefit.personalId)?.benefits.push(benefit);
    addPlace(benefit.personalId, benefit);
  }
  for (const payment of payments) result.get(payment.personalId)?.payments.push(payment);
  for (const certificate of certificates) {
    result.get(certificate.personalId)?.disabilityCertificates.push(certificate);
    addPlace(certificate.personalId, certificate);
  }
  for (const funeral of funerals) {
    const entry = result.get(funeral.deceasedPersonalId);
    if (entry) entry.funeralSupport = funeral;
    addPlace(funeral.deceasedPersonalId, funeral);
  }
  for (const household of households) {
    const record = { household, members: members.filter((member) => member.householdId === household.id) };
    for (const member of record.members) {
      result.get(member.personalId)?.households.push(record);
      addPlace(member.personalId, household);
    }
  }
  for (const row of dossierPlaces) addPlace(String(row.p), { communeCode: row.c, provinceCode: row.v });
  return result;
};

/** Beneficiaries of one desk in one month, by programme and group. */
export interface BeneficiaryRequest {
  key: string;
  kind: "COMMUNE" | "PROVINCE";
  month: string;
  restrict?: string;
}

/** One grouped row: a programme and group, with how many people and the tenths their amounts count on. */
export interface BeneficiaryRow {
  program: string;
  groupCode: string | null;
  people: number;
  amountTenths: number;
}

/**
 * The benefits running in a month, by programme and group, for many desks in ONE grouped statement
 * (each person holds at most one allowance and never a pension beside it: the grants see to it).
 */
const queryBeneficiaries = async (
  manager: EntityManager,
  column: "commune_code" | "province_code",
  keys: readonly string[],
  { month, restrict }: Pick<BeneficiaryRequest, "month" | "restrict">,
): Promise<Map<string, BeneficiaryRow[]>> => {
  // A province's are grouped by commune too, in the order of its index (province, commune,
  // programme, group, …), so that they are read from it in order with no temporary table, and added
  // up here.
  const rows = (await sharedQuery(
    manager,
    `SELECT ${column} AS k, program, group_code AS g, COUNT(*) AS n, SUM(amount_tenths) AS t
       FROM social_benefit
      WHERE ${column} IN (${keys.map(() => "?").join(", ")}) AND start_month <= ?
        AND (end_month IS NULL OR end_month >= ?)${restrict ? " AND province_code = ?" : ""}
      GROUP BY ${column === "province_code" ? "province_code, commune_code" : column}, program, group_code`,
    [...keys, month, month, ...(restrict ? [restrict] : [])],
  )) as { k: string; program: string; g: string | null; n: number | string; t: number | string | null }[];
  const result = new Map<string, BeneficiaryRow[]>(keys.map((key) => [key, []]));
  const groups = new Map<string, BeneficiaryRow>();
  for (const row of rows) {
    const group = `${row.k}|${row.program}|${row.g ?? ""}`;
    const known = groups.get(group);
    if (known) {
      known.people += Number(row.n);
      known.amountTenths += Number(row.t ?? 0);
      continue;
    }
    const entry = { program: row.program, groupCode: row.g, people: Number(row.n), amountTenths: Number(row.t ?? 0) };
    groups.set(group, entry);
    result.get(String(row.k))?.push(entry);
  }
  return result;
};

/** A month's roll in figures for one desk. */
export interface RollTotals {
  /** Every commune of the desk with decisions running closed the month (a commune: it closed it). */
  frozen: boolean;
  lineCount: number;
  totalVnd: number;
}

/**
 * The month's rolls in figures for many desks in ONE statement: for each commune of each desk, what
 * was paid if the commune closed the month, otherwise what the running decisions come to (on the
 * province's base level and pension for the month). A province adds up its communes, closed or not.
 */
const queryRollTotals = async (
  manager: EntityManager,
  column: "commune_code" | "province_code",
  keys: readonly string[],
  month: string,
): Promise<Map<string, RollTotals>> => {
  const marks = keys.map(() => "?").join(", ");
  const rows = (await sharedQuery(
    manager,
    `SELECT ${column} AS k, commune_code AS c, province_code AS p, 'PAID' AS src, program, COUNT(*) AS n, SUM(amount_vnd) AS a, 0 AS t
       FROM social_payment WHERE ${column} IN (${marks}) AND month = ?
      GROUP BY ${column}, commune_code, province_code, program
     UNION ALL
     SELECT ${column} AS k, commune_code AS c, province_code AS p, 'RUNNING' AS src, program, COUNT(*) AS n, 0 AS a, SUM(amount_tenths) AS t
       FROM social_benefit WHERE ${column} IN (${marks}) AND start_month <= ? AND (end_month IS NULL OR end_month >= ?)
      GROUP BY ${column === "province_code" ? "province_code, commune_code" : "commune_code, province_code"}, program
     UNION ALL
     SELECT ${column} AS k, commune_code AS c, province_code AS p, 'CLOSED' AS src, NULL AS program, 1 AS n, 0 AS a, 0 AS t
       FROM social_roll_closure WHERE ${column} IN (${marks}) AND month = ?`,
    [...keys, month, ...keys, month, month, ...keys, month],
  )) as {
    k: string;
    c: string;
    p: string;
    src: string;
    program: string;
    n: number | string;
    a: number | string;
    t: number | string;
  }[];
  const closed = new Set(rows.filter((row) => row.src === "CLOSED").map((row) => `${row.k}|${row.c}`));
  const result = new Map<string, RollTotals>(keys.map((key) => [key, { frozen: false, lineCount: 0, totalVnd: 0 }]));
  const openCommunes = new Set<string>();
  for (const row of rows) {
    const totals = result.get(String(row.k));
    if (!totals || row.src === "CLOSED") continue;
    const isClosed = closed.has(`${row.k}|${row.c}`);
    if (row.src === "PAID" && isClosed) {
      totals.lineCount += Number(row.n);
      totals.totalVnd += Number(row.a);
    } else if (row.src === "RUNNING" && !isClosed) {
      openCommunes.add(String(row.k));
      totals.lineCount += Number(row.n);
      totals.totalVnd += amountOfRows(
        [{ program: row.program, groupCode: null, people: Number(row.n), amountTenths: Number(row.t) }],
        row.p,
        month,
      );
    }
  }
  for (const [key, totals] of result) {
    totals.frozen = [...closed].some((entry) => entry.startsWith(`${key}|`)) && !openCommunes.has(key);
  }
  return result;
};

/** The desk's loaders and social affairs' own, made per request so no cache outlives its caller. */
export const createSocialLoaders = (database: Database, context: Parameters<typeof createDeskLoaders>[1]) => {
  const manager = database.dataSource.manager;

  /** A person's social records, for `Citizen.social`: guarded per person, every read audited. */
  const citizenSocial = createGuardedLoader<CitizenSocialRecords>(manager, context, {
    operation: "social.read",
    entityType: "Citizen",
    what: "the social-affairs records of",
    fetch: async (ids) => [...(await loadCitizenSocial(manager, ids)).values()],
    idOf: (row) => row.personalId,
    rule: () => (row) => socialDesk.policy.canReadRecords(context.caller, row.personalId, row.places),
  });

  const beneficiaries = createParameterisedLoader<BeneficiaryRequest, BeneficiaryRow[]>(
    ({ kind, month, restrict }, keys) =>
      queryBeneficiaries(manager, kind === "COMMUNE" ? "commune_code" : "province_code", keys, { month, restrict }),
    () => [],
  );

  const rollTotals = createParameterisedLoader<
    { key: string; kind: "COMMUNE" | "PROVINCE"; month: string },
    RollTotals
  >(
    ({ kind, month }, keys) =>
      queryRollTotals(manager, kind === "COMMUNE" ? "commune_code" : "province_code", keys, month),
    () => ({ frozen: false, lineCount: 0, totalVnd: 0 }),
  );

  /** The members of many households, one statement per batch. */
  const householdMembers = new DataLoader<number, SocialHouseholdMember[]>(async (ids) => {
    const rows = await manager.find(SocialHouseholdMember, {
      where: { householdId: In([...ids]) },
      order: { id: "ASC" },
    });
    return ids.map((id) => rows.filter((row) => row.householdId === id));
  });

  return {
    desk: socialDesk.createLoaders(database, context),
    citizenSocial,
    beneficiaries,
    rollTotals,
    householdMembers,
  };
};

export type SocialLoaders = ReturnType<typeof createSocialLoaders>;
export type SocialServices = DeskServices;
export type SocialContext = DeskContext<Omit<SocialLoaders, "desk">>;
