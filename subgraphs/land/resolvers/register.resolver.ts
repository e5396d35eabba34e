import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import type { EntityManager } from "typeorm";

import { toLocalDate } from "../../kit/calendar";
import { Role } from "../../kit/caller";
import type { Completion } from "../../kit/desk/desk";
import { isDuplicateKey } from "../../kit/dossier/workflow";
import { badInput, notFound } from "../../kit/errors";
import { refuse } from "../../kit/rule-problem";
import { optionalText, requireText } from "../../kit/text";
import type { LandProcedure } from "../catalogue";
import { landDesk, MUTATION_BY_RESULT } from "../desk";
import { LandCertificate, LandCertificateEndorsement, LandCertificateHolder } from "../entities/certificate";
import { ConstructionPermit } from "../entities/construction-permit";
import { LandDossier } from "../entities/land-dossier";
import { LandUse } from "../entities/land-use";
import { LandParcel } from "../entities/parcel";
import { CertificateForm, CertificateStatus, HolderRole, PermitStatus, TransferKind } from "../enums";
import type { HolderInput, IssueLandResultInput, NewCertificateInput, ParcelKeyInput } from "../inputs/parcel.input";
import {
  ExtendConstructionPermitInput,
  IssueConstructionPermitInput,
  RegisterFirstCertificateInput,
  RegisterTransferInput,
  ReplaceCertificateInput,
  SplitParcelInput,
} from "../inputs/register.input";
import { LAND_USE_CODES, landUseCode } from "../land-use-codes";
import type { LandContext } from "../loaders";
import {
  certificateFacts,
  encumbranceFacts,
  findParcel,
  loadParcelRecord,
  parcelFacts,
  type ParcelRecord,
  permitFacts,
  validCertificateOf,
} from "../register";
import {
  checkCertificateIssue,
  checkCertificateSerial,
  checkConstructionPermit,
  checkFirstCertificate,
  checkPermitExtension,
  checkSplit,
  checkTransfer,
  defaultTermFor,
  type LandUseTerm,
  type ParcelFacts,
  permitStartDeadline,
} from "../rules";
import { isKnownPersonOn, requireArea, requireParcelKey, TEXT_LIMITS } from "./checks";

const ISSUING_ROLES = [Role.COMMUNE_OFFICER, Role.COMMUNE_LEADER, Role.ADMIN];

/** What an issuing mutation sees inside its transaction. */
interface Issue extends Completion<LandProcedure> {
  context: LandContext;
  today: string;
}

/**
 * Issues one result into the land register and completes its dossier in one transaction (DESIGN
 * §4) through the kit desk: the move to COMPLETED (role, commune, version, state), the officer's
 * rules, the register rows and the audit events commit together, so a refusal changes nothing.
 */
const issue = (
  context: LandContext,
  input: IssueLandResultInput,
  mutation: string,
  write: (issue: Issue) => Promise<{ operation: string; subjects: string[] }>,
): Promise<LandDossier> =>
  landDesk.complete(
    context,
    { dossierCode: input.dossierCode, expectedVersion: input.expectedVersion, mutation },
    (completion) => write({ ...completion, context, today: toLocalDate(completion.now) }),
  );

const describeKey = (key: ParcelKeyInput): string => `${key.mapUnitCode}/${key.mapSheet}/${key.parcelNumber}`;

/**
 * The parcel the request names, locked for the rest of the transaction on MySQL, with its record;
 * it must be kept by the dossier's commune and not already split into others.
 */
const lockedParcel = async ({ manager, dossier, context }: Issue, input: ParcelKeyInput): Promise<ParcelRecord> => {
  const key = requireParcelKey(input, "parcel");
  const parcel = await findParcel(manager, context.database.kind, key, { lock: true });
  if (!parcel) throw notFound("LandParcel", describeKey(input), "parcel");
  if (parcel.communeCode !== dossier.communeCode) {
    throw badInput(
      "parcel",
      `Parcel ${describeKey(input)} is kept by commune ${parcel.communeCode}, not by ${dossier.communeCode}`,
    );
  }
  if (!parcel.active) throw badInput("parcel", `Parcel ${describeKey(input)} was split into other parcels`);
  return loadParcelRecord(manager, context.database.kind, parcel, { lock: true });
};

/** A serial is printed once: refused when any certificate in the register already has it. */
const requireFreshSerial = async (manager: EntityManager, serial: string, field: string): Promise<void> => {
  const taken = await manager.findOneBy(LandCertificate, { serial });
  if (taken)
    throw badInput(field, `The serial ${serial} is already printed on certificate ${taken.id} of the register`);
};

const serialOf = (certificate: NewCertificateInput, field: string): string =>
  requireText(certificate.serial, `${field}.serial`, TEXT_LIMITS.serial, "certificate serial");

/**
 * Inserts a VALID certificate with its holders. The unique index on valid_parcel_id refuses a
 * second valid certificate for the parcel even when another desk got there first: a duplicate key
 * is that race lost, reported on the parcel, and the whole transaction rolls back.
 */
const insertValidCertificate = async (
  { manager, dossier, today }: Issue,
  parcel: LandParcel,
  certificate: { serial: string; form: CertificateForm; replacesId: number | null },
  holders: readonly { personalId: string; role: HolderRole }[],
): Promise<LandCertificate> => {
  const row = Object.assign(new LandCertificate(), {
    parcelId: parcel.id,
    validParcelId: parcel.id,
    serial: certificate.serial,
    form: certificate.form,
    status: CertificateStatus.VALID,
    issuedOn: today,
    communeCode: dossier.communeCode,
    provinceCode: dossier.provinceCode,
    dossierCode: dossier.code,
    replacesId: certificate.replacesId,
  });
  try {
    await manager.insert(LandCertificate, row);
  } catch (error) {
    if (isDuplicateKey(error)) {
      throw badInput("parcel", "Another desk issued a certificate for this parcel, or this serial, at the same moment");
    }
    throw error;
  }
  await manager.insert(
    LandCertificateHolder,
    holders.map((holder) =>
      Object.assign(new LandCertificateHolder(), {
        certificateId: row.id,
        personalId: holder.personalId,
        role: holder.role,
        deceasedOn: null,
      }),
    ),
  );
  return row;
};

/** Ends the parcel's valid certificate; it must still be valid, or another desk changed it meanwhile. */
const retireCertificate = async (manager: EntityManager, certificate: LandCertificate, to: CertificateStatus) => {
  const result = await manager.update(
    LandCertificate,
    { id: certificate.id, status: CertificateStatus.VALID },
    { status: to, validParcelId: null },
  );
  if (result.affected === 0) {
    throw badInput(
      "certificateSerial",
      `Certificate ${certificate.serial} is no longer valid: another desk changed it`,
    );
  }
};

const endorse = (
  { manager, dossier, today }: Issue,
  certificate: LandCertificate,
  kind: string,
  note: string,
): Promise<unknown> =>
  manager.insert(
    LandCertificateEndorsement,
    Object.assign(new LandCertificateEndorsement(), {
      certificateId: certificate.id,
      kind,
      endorsedOn: today,
      note: note.normalize("NFC").slice(0, TEXT_LIMITS.note),
      communeCode: dossier.communeCode,
      provinceCode: dossier.provinceCode,
      dossierCode: dossier.code,
    }),
  );

const TRANSFER_WORDS_VI: Readonly<Record<TransferKind, string>> = {
  SALE: "Nhận chuyển nhượng",
  GIFT: "Nhận tặng cho",
  INHERITANCE: "Nhận thừa kế",
  CAPITAL_CONTRIBUTION: "Nhận góp vốn",
};

/** `transfereeIds[2]` in the rule is `transferees[2].personalId` in the API. */
const transfereeRenames = [
  ["certificate.holders", "transferees"],
  ["certificate", "newCertificate"],
  ["replacesSerial", "certificateSerial"],
  ["reason", "parcel"],
] as const;

/** The land register: each mutation issues one result and completes its dossier (DESIGN §4–§5). */
@Resolver()
export class LandRegisterResolver {
  @Authorized(...ISSUING_ROLES)
  @Mutation(() => LandDossier, {
    description:
      "Đăng ký đất đai, cấp GCN lần đầu — register a parcel with its uses and issue its first certificate to the holders (1.013978), completing the dossier in one transaction",
  })
  registerFirstCertificate(
    @Arg("input", () => RegisterFirstCertificateInput) input: RegisterFirstCertificateInput,
    @Ctx() context: LandContext,
  ): Promise<LandDossier> {
    return issue(context, input, MUTATION_BY_RESULT.FIRST_CERTIFICATE as string, async (step) => {
      const { manager, dossier, today, now } = step;
      const key = requireParcelKey(input.parcel, "parcel");
      const address = optionalText(input.parcel.address, "parcel.address", TEXT_LIMITS.address, "address");
      const serial = serialOf(input.certificate, "certificate");
      const form = input.certificate.form ?? CertificateForm.GCN_2024;
      const terms: LandUseTerm[] = input.parcel.uses.map((use, index) => {
        if (use.termUntil) return { until: use.termUntil };
        // The law's default term where it has one (Luật Đất đai 2024 arts. 171–172); else the decision's.
        if (!landUseCode(use.landUseCode)) return "STABLE_LONG_TERM";
        const term = defaultTermFor(use.landUseCode, today);
        if (!term) {
          throw badInput(
            `parcel.uses[${index}].termUntil`,
            `${use.landUseCode} land has no term by law; give the term the allocating decision set`,
          );
        }
        return term;
      });
      const facts: ParcelFacts = {
        key,
        areaM2: input.parcel.areaM2,
        uses: input.parcel.uses.map((use, index) => ({
          landUseCode: use.landUseCode,
          areaM2: use.areaM2,
          term: terms[index],
        })),
      };
      const existing = await findParcel(manager, context.database.kind, key, { lock: true });
      if (existing && existing.communeCode !== dossier.communeCode) {
        throw badInput("parcel", `Parcel ${describeKey(key)} is kept by commune ${existing.communeCode}`);
      }
      const record = existing ? await loadParcelRecord(manager, context.database.kind, existing, { lock: true }) : null;
      refuse(
        checkFirstCertificate({
          parcel: facts,
          existing: record ? record.certificates.map(certificateFacts) : [],
          certificate: { serial, form, holders: input.holders },
          isKnownPerson: isKnownPersonOn(now),
        }),
        [
          ["parcel.key", "parcel"],
          ["reason", "parcel"],
          ["certificate.holders", "holders"],
        ],
      );
      const area = requireArea(input.parcel.areaM2, "parcel.areaM2", "parcel area");
      const useAreas = input.parcel.uses.map((use, index) =>
        requireArea(use.areaM2, `parcel.uses[${index}].areaM2`, `area of the ${use.landUseCode} use`),
      );
      await requireFreshSerial(manager, serial, "certificate.serial");

      let parcel: LandParcel;
      if (existing) {
        // Measured again at registration: the entered area and uses replace what the register had.
        await manager.update(LandParcel, { id: existing.id }, { areaTenthsM2: area, address });
        await manager.delete(LandUse, { parcelId: existing.id });
        parcel = Object.assign(existing, { areaTenthsM2: area, address });
      } else {
        parcel = Object.assign(new LandParcel(), {
          ...key,
          communeCode: dossier.communeCode,
          provinceCode: dossier.provinceCode,
          areaTenthsM2: area,
          address,
          active: true,
          parentId: null,
          registeredOn: today,
        });
        try {
          await manager.insert(LandParcel, parcel);
        } catch (error) {
          if (isDuplicateKey(error)) throw badInput("parcel", `Parcel ${describeKey(key)} was registered meanwhile`);
          throw error;
        }
      }
      await manager.insert(
        LandUse,
        input.parcel.uses.map((use, index) =>
          Object.assign(new LandUse(), {
            parcelId: parcel.id,
            landUseCode: use.landUseCode,
            codeVersion: LAND_USE_CODES.version,
            areaTenthsM2: useAreas[index],
            termUntil: terms[index] === "STABLE_LONG_TERM" ? null : (terms[index] as { until: string }).until,
          }),
        ),
      );
      await insertValidCertificate(step, parcel, { serial, form, replacesId: null }, input.holders);
      return { operation: "land.issue.FIRST_CERTIFICATE", subjects: input.holders.map((h) => h.personalId) };
    });
  }

  @Authorized(...ISSUING_ROLES)
  @Mutation(() => LandDossier, {
    description:
      "Đăng ký biến động — register a sale, gift, inheritance or capital contribution (1.013831): the certificate presented becomes REPLACED, a new VALID one names the transferees, with an endorsement; one transaction with the dossier's completion",
  })
  registerTransfer(
    @Arg("input", () => RegisterTransferInput) input: RegisterTransferInput,
    @Ctx() context: LandContext,
  ): Promise<LandDossier> {
    return issue(context, input, MUTATION_BY_RESULT.TRANSFER_REGISTRATION as string, async (step) => {
      const { today, now } = step;
      const serial = serialOf(input.newCertificate, "newCertificate");
      const form = input.newCertificate.form ?? CertificateForm.GCN_2024;
      const record = await lockedParcel(step, input.parcel);
      const presentedSerial = optionalText(
        input.certificateSerial,
        "certificateSerial",
        TEXT_LIMITS.serial,
        "certificate serial",
      );
      const presented = presentedSerial
        ? record.certificates.find(
            ({ certificate }) =>
              certificate.serial.replace(/\s+/g, "").toUpperCase() ===
              presentedSerial.replace(/\s+/g, "").toUpperCase(),
          )
        : undefined;
      if (presentedSerial && !presented) {
        throw badInput(
          "certificateSerial",
          `${presentedSerial} is not a certificate of parcel ${describeKey(input.parcel)}`,
        );
      }
      const transferProblem = checkTransfer({
        kind: input.kind,
        parcel: parcelFacts(record),
        certificate: presented ? certificateFacts(presented) : null,
        encumbrances: record.encumbrances.map(encumbranceFacts),
        transferorIds: input.transferorIds,
        transfereeIds: input.transferees.map((transferee) => transferee.personalId),
        onDate: today,
        today,
      });
      const transferee = transferProblem ? /^transfereeIds\[(\d+)\]$/.exec(transferProblem.field) : null;
      if (transferProblem && transferee)
        throw badInput(`transferees[${transferee[1]}].personalId`, transferProblem.message);
      refuse(transferProblem, [
        ["certificate.serial", "certificateSerial"],
        ["transfereeIds", "transferees"],
      ]);
      const current = validCertificateOf(record);
      refuse(
        checkCertificateIssue({
          reason: current ? "CHANGE" : "FIRST",
          existing: record.certificates.map(certificateFacts),
          replacesSerial: current ? current.certificate.serial : null,
          certificate: { serial, form, holders: input.transferees },
          isKnownPerson: isKnownPersonOn(now),
        }),
        transfereeRenames,
      );
      await requireFreshSerial(step.manager, serial, "newCertificate.serial");
      if (current) await retireCertificate(step.manager, current.certificate, CertificateStatus.REPLACED);
      const issued = await insertValidCertificate(
        step,
        record.parcel,
        { serial, form, replacesId: current?.certificate.id ?? null },
        input.transferees,
      );
      await endorse(
        step,
        issued,
        input.kind,
        `${TRANSFER_WORDS_VI[input.kind]} từ ${input.transferorIds.join(", ")}` +
          (current ? `; thay GCN ${current.certificate.serial}` : "") +
          ` (hồ sơ ${step.dossier.code})`,
      );
      return {
        operation: "land.issue.TRANSFER_REGISTRATION",
        subjects: [...new Set([...input.transferorIds, ...input.transferees.map((t) => t.personalId)])],
      };
    });
  }

  @Authorized(...ISSUING_ROLES)
  @Mutation(() => LandDossier, {
    description:
      "Tách thửa — split a parcel into parts (1.012784), each with its own certificate to the same holders; refused when a part is below the province's minimum, or the minimum is not configured",
  })
  splitParcel(
    @Arg("input", () => SplitParcelInput) input: SplitParcelInput,
    @Ctx() context: LandContext,
  ): Promise<LandDossier> {
    return issue(context, input, MUTATION_BY_RESULT.SPLIT_OR_MERGE as string, async (step) => {
      const { manager, dossier, today } = step;
      const zone = requireText(input.zone, "zone", TEXT_LIMITS.zone, "zone");
      const record = await lockedParcel(step, input.parcel);
      const current = validCertificateOf(record);
      refuse(
        checkSplit({
          parcel: parcelFacts(record),
          certificate: current ? certificateFacts(current) : null,
          encumbrances: record.encumbrances.map(encumbranceFacts),
          provinceCode: dossier.provinceCode,
          zone,
          parts: input.parts.map((part) => ({
            areaM2: part.areaM2,
            landUseCode: part.landUseCode,
            ...(part.frontageM !== undefined && part.frontageM !== null ? { frontageM: part.frontageM } : {}),
            ...(part.depthM !== undefined && part.depthM !== null ? { depthM: part.depthM } : {}),
          })),
          onDate: today,
          today,
        }),
        [
          ["certificate.serial", "parcel"],
          ["provinceCode", "zone"],
        ],
      );
      if (!current) throw badInput("parcel", "The parcel has no valid certificate");
      const numbers = new Set<number>();
      const parts = [];
      for (const [index, part] of input.parts.entries()) {
        const prefix = `parts[${index}]`;
        const key = requireParcelKey({ ...input.parcel, parcelNumber: part.parcelNumber }, prefix);
        if (numbers.has(key.parcelNumber) || (await findParcel(manager, context.database.kind, key))) {
          throw badInput(`${prefix}.parcelNumber`, `Parcel number ${key.parcelNumber} is already taken on the sheet`);
        }
        numbers.add(key.parcelNumber);
        const serial = requireText(part.serial, `${prefix}.serial`, TEXT_LIMITS.serial, "certificate serial");
        refuse(checkCertificateSerial(CertificateForm.GCN_2024 as never, serial, prefix));
        await requireFreshSerial(manager, serial, `${prefix}.serial`);
        parts.push({ key, serial, area: requireArea(part.areaM2, `${prefix}.areaM2`, "part's area"), part });
      }
      await manager.update(LandParcel, { id: record.parcel.id }, { active: false });
      await retireCertificate(manager, current.certificate, CertificateStatus.REPLACED);
      await endorse(
        step,
        current.certificate,
        "SPLIT",
        `Tách thành các thửa ${[...numbers].join(", ")} (hồ sơ ${dossier.code})`,
      );
      for (const { key, serial, area, part } of parts) {
        const child = Object.assign(new LandParcel(), {
          ...key,
          communeCode: record.parcel.communeCode,
          provinceCode: record.parcel.provinceCode,
          areaTenthsM2: area,
          address: record.parcel.address,
          active: true,
          parentId: record.parcel.id,
          registeredOn: today,
        });
        await manager.insert(LandParcel, child);
        const parentUse = record.uses.find((use) => use.landUseCode === part.landUseCode);
        await manager.insert(
          LandUse,
          Object.assign(new LandUse(), {
            parcelId: child.id,
            landUseCode: part.landUseCode,
            codeVersion: LAND_USE_CODES.version,
            areaTenthsM2: area,
            termUntil: parentUse?.termUntil ?? null,
          }),
        );
        const issued = await insertValidCertificate(
          step,
          child,
          { serial, form: CertificateForm.GCN_2024, replacesId: current.certificate.id },
          current.holders,
        );
        await endorse(step, issued, "SPLIT", `Tách từ thửa ${record.parcel.parcelNumber} (hồ sơ ${dossier.code})`);
      }
      return { operation: "land.issue.SPLIT_OR_MERGE", subjects: current.holders.map((h) => h.personalId) };
    });
  }

  @Authorized(...ISSUING_ROLES)
  @Mutation(() => LandDossier, {
    description:
      "Cấp đổi GCN — exchange the parcel's valid certificate for a new one to the same holders (1.012783); the old one becomes REPLACED",
  })
  exchangeCertificate(
    @Arg("input", () => ReplaceCertificateInput) input: ReplaceCertificateInput,
    @Ctx() context: LandContext,
  ): Promise<LandDossier> {
    return replaceCertificate(context, input, "EXCHANGE");
  }

  @Authorized(...ISSUING_ROLES)
  @Mutation(() => LandDossier, {
    description:
      "Cấp lại GCN do bị mất — re-issue a lost certificate to the same holders (1.012786); the lost one becomes CANCELLED",
  })
  reissueCertificate(
    @Arg("input", () => ReplaceCertificateInput) input: ReplaceCertificateInput,
    @Ctx() context: LandContext,
  ): Promise<LandDossier> {
    return replaceCertificate(context, input, "REISSUE");
  }

  @Authorized(...ISSUING_ROLES)
  @Mutation(() => LandDossier, {
    description:
      "Cấp giấy phép xây dựng — issue a construction permit to the applicant (1.013225); work must start within 12 months; a new house needs residential land (ONT/ODT)",
  })
  issueConstructionPermit(
    @Arg("input", () => IssueConstructionPermitInput) input: IssueConstructionPermitInput,
    @Ctx() context: LandContext,
  ): Promise<LandDossier> {
    return issue(context, input, MUTATION_BY_RESULT.CONSTRUCTION_PERMIT as string, async (step) => {
      const { manager, dossier, today } = step;
      const record = await lockedParcel(step, input.parcel);
      refuse(
        checkConstructionPermit({
          kind: input.kind,
          workType: input.workType,
          parcel: parcelFacts(record),
          floors: input.floors,
          groundFloorAreaM2: input.groundFloorAreaM2,
          grossFloorAreaM2: input.grossFloorAreaM2,
        }),
      );
      const ground = requireArea(input.groundFloorAreaM2, "groundFloorAreaM2", "ground floor area");
      const gross = requireArea(input.grossFloorAreaM2, "grossFloorAreaM2", "gross floor area");
      await manager.insert(
        ConstructionPermit,
        Object.assign(new ConstructionPermit(), {
          parcelId: record.parcel.id,
          holderPersonalId: dossier.applicantPersonalId,
          kind: input.kind,
          workType: input.workType,
          floors: input.floors,
          groundFloorTenthsM2: ground,
          grossFloorTenthsM2: gross,
          status: PermitStatus.VALID,
          issuedOn: today,
          extensions: 0,
          startDeadline: permitStartDeadline(today, 0),
          communeCode: dossier.communeCode,
          provinceCode: dossier.provinceCode,
          dossierCode: dossier.code,
        }),
      );
      return { operation: "land.issue.CONSTRUCTION_PERMIT", subjects: [dossier.applicantPersonalId] };
    });
  }

  @Authorized(...ISSUING_ROLES)
  @Mutation(() => LandDossier, {
    description:
      "Gia hạn giấy phép xây dựng — extend a permit's start deadline by 12 months (1.013227); at most two extensions",
  })
  extendConstructionPermit(
    @Arg("input", () => ExtendConstructionPermitInput) input: ExtendConstructionPermitInput,
    @Ctx() context: LandContext,
  ): Promise<LandDossier> {
    return issue(context, input, MUTATION_BY_RESULT.PERMIT_EXTENSION as string, async ({ manager, dossier }) => {
      if (!/^\d{1,9}$/.test(input.permitId)) throw badInput("permitId", `"${input.permitId}" is not a permit number`);
      const query = manager
        .createQueryBuilder(ConstructionPermit, "p")
        .where("p.id = :id", { id: Number(input.permitId) });
      const permit = await (context.database.kind === "mysql" ? query.setLock("pessimistic_write") : query).getOne();
      if (!permit) throw notFound("ConstructionPermit", input.permitId, "permitId");
      if (permit.communeCode !== dossier.communeCode) {
        throw badInput(
          "permitId",
          `Permit ${permit.id} was issued by commune ${permit.communeCode}, not ${dossier.communeCode}`,
        );
      }
      if (permit.holderPersonalId !== dossier.applicantPersonalId) {
        throw badInput("permitId", `Permit ${permit.id} is not held by the applicant ${dossier.applicantPersonalId}`);
      }
      const problem = checkPermitExtension({ permit: permitFacts(permit) });
      if (problem) throw badInput("permitId", problem.message);
      const extensions = permit.extensions + 1;
      await manager.update(
        ConstructionPermit,
        { id: permit.id },
        { extensions, startDeadline: permitStartDeadline(permit.issuedOn, extensions) },
      );
      return { operation: "land.issue.PERMIT_EXTENSION", subjects: [permit.holderPersonalId] };
    });
  }
}

/** Exchange and re-issue: a new certificate to the same holders replaces the parcel's valid one. */
const replaceCertificate = (
  context: LandContext,
  input: ReplaceCertificateInput,
  reason: "EXCHANGE" | "REISSUE",
): Promise<LandDossier> =>
  issue(
    context,
    input,
    (reason === "EXCHANGE"
      ? MUTATION_BY_RESULT.CERTIFICATE_EXCHANGE
      : MUTATION_BY_RESULT.CERTIFICATE_REISSUE) as string,
    async (step) => {
      const serial = serialOf(input.newCertificate, "newCertificate");
      const form = input.newCertificate.form ?? CertificateForm.GCN_2024;
      const record = await lockedParcel(step, input.parcel);
      const current = validCertificateOf(record);
      const holders: HolderInput[] = current
        ? current.holders.map((holder) => ({ personalId: holder.personalId, role: holder.role }))
        : [];
      refuse(
        checkCertificateIssue({
          reason,
          existing: record.certificates.map(certificateFacts),
          replacesSerial: input.certificateSerial,
          certificate: { serial, form, holders },
          // The holders are the register's own; the new certificate names them again.
          isKnownPerson: () => true,
        }),
        [
          ["replacesSerial", "certificateSerial"],
          ["certificate", "newCertificate"],
        ],
      );
      if (!current) throw badInput("certificateSerial", "The parcel has no valid certificate");
      await requireFreshSerial(step.manager, serial, "newCertificate.serial");
      // A lost certificate is cancelled (it may surface again); an exchanged one is replaced.
      await retireCertificate(
        step.manager,
        current.certificate,
        reason === "EXCHANGE" ? CertificateStatus.REPLACED : CertificateStatus.CANCELLED,
      );
      const issued = await insertValidCertificate(
        step,
        record.parcel,
        { serial, form, replacesId: current.certificate.id },
        holders,
      );
      await endorse(
        step,
        issued,
        reason,
        `${reason === "EXCHANGE" ? "Cấp đổi" : "Cấp lại"} GCN ${current.certificate.serial} (hồ sơ ${step.dossier.code})`,
      );
      return { operation: `land.issue.CERTIFICATE_${reason}`, subjects: holders.map((h) => h.personalId) };
    },
  );
