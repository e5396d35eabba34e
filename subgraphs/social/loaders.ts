import DataLoader from "dataloader";
import { type EntityManager, In } from "typeorm";

import { createParameterisedLoader } from "../kit/batch-loader";
import type { Database } from "../kit/database";
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
  const rows = (await manager.query(
    `SELECT ${column} AS k, program, group_code AS g, COUNT(*) AS n, SUM(amount_tenths) AS t
       FROM social_benefit
      WHERE ${column} IN (${keys.map(() => "?").join(", ")}) AND start_month <= ?
        AND (end_month IS NULL OR end_month >= ?)${restrict ? " AND province_code = ?" : ""}
      GROUP BY ${column}, program, group_code`,
    [...keys, month, month, ...(restrict ? [restrict] : [])],
  )) as { k: string; program: string; g: string | null; n: number | string; t: number | string | null }[];
  const result = new Map<string, BeneficiaryRow[]>(keys.map((key) => [key, []]));
  for (const row of rows) {
    result.get(String(row.k))?.push({
      program: row.program,
      groupCode: row.g,
      people: Number(row.n),
      amountTenths: Number(row.t ?? 0),
    });
  }
  return result;
};

/** What a closed month paid, for many desks in one grouped statement. */
export interface PaidRow {
  status: string;
  lines: number;
  amountVnd: number;
}

const queryPaid = async (
  manager: EntityManager,
  column: "commune_code" | "province_code",
  keys: readonly string[],
  { month }: { month: string },
): Promise<Map<string, PaidRow[]>> => {
  const rows = (await manager.query(
    `SELECT ${column} AS k, status, COUNT(*) AS n, SUM(amount_vnd) AS a FROM social_payment
      WHERE ${column} IN (${keys.map(() => "?").join(", ")}) AND month = ?
      GROUP BY ${column}, status`,
    [...keys, month],
  )) as { k: string; status: string; n: number | string; a: number | string }[];
  const result = new Map<string, PaidRow[]>(keys.map((key) => [key, []]));
  for (const row of rows) {
    result.get(String(row.k))?.push({ status: row.status, lines: Number(row.n), amountVnd: Number(row.a) });
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

  const paid = createParameterisedLoader<{ key: string; kind: "COMMUNE" | "PROVINCE"; month: string }, PaidRow[]>(
    ({ kind, month }, keys) =>
      queryPaid(manager, kind === "COMMUNE" ? "commune_code" : "province_code", keys, { month }),
    () => [],
  );

  const funeralByDossier = new DataLoader<string, FuneralSupport | null>(async (codes) => {
    const rows = await manager.findBy(FuneralSupport, { dossierCode: In([...codes]) });
    const byCode = new Map(rows.map((row) => [row.dossierCode, row]));
    return codes.map((code) => byCode.get(code) ?? null);
  });

  return { desk: socialDesk.createLoaders(database, context), citizenSocial, beneficiaries, paid, funeralByDossier };
};

export type SocialLoaders = ReturnType<typeof createSocialLoaders>;
export type SocialServices = DeskServices;
export type SocialContext = DeskContext<Omit<SocialLoaders, "desk">>;
