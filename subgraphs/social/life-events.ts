import type { EntityManager } from "typeorm";

import { toLocalDate } from "../kit/calendar";
import type { EventHandler } from "../kit/events/consumer";
import type { FeedEvent } from "../kit/events/feed";
import { socialDesk } from "./desk";
import { FuneralSupport, SocialBenefit, SocialPayment, SocialPerson } from "./entities/register";
import { BenefitEndReason, BenefitProgram, FuneralSupportStatus, PaymentStatus } from "./enums";
import { addMonths, funeralSupport, monthOf, stopMonth } from "./money";

const text = (event: FeedEvent, key: string): string => {
  const value = event.payload[key];
  if (typeof value !== "string" || value === "") throw new Error(`${event.type} ${event.id} has no ${key}`);
  return value;
};

/** Funeral support for a social-protection beneficiary (1.001731) or a social pensioner (1.014028). */
const FUNERAL_PROCEDURE: Readonly<Record<BenefitProgram, string>> = {
  [BenefitProgram.SOCIAL_ALLOWANCE]: "1.001731",
  [BenefitProgram.CARE_SUPPORT]: "1.001731",
  [BenefitProgram.SOCIAL_PENSION]: "1.014028",
};

/**
 * Social affairs follows civil status (DESIGN §3). A registered death:
 * - records the date of death, so nothing can be granted to the person again;
 * - stops every benefit from the month after the month of death (the date of death, not of
 *   registration: NĐ 20/2021 art. 8(2), NĐ 176/2025 art. 4), whatever its end was;
 * - marks payments already made for later months as overpayments to recover;
 * - proposes funeral support at the beneficiary's commune when a benefit ran in the month of
 *   death: a LINKED dossier the desk accepts, with the amount (20 × the base level that day).
 * It runs once per event (the consumer's mark); a death reported twice under two events finds
 * the benefits already stopped and the support already proposed, and changes nothing.
 */
export const CIVIL_STATUS_HANDLERS: Readonly<Record<string, EventHandler>> = {
  DeathRegistered: async (manager: EntityManager, event) => {
    const personalId = text(event, "personalId");
    const diedOn = text(event, "diedOn");
    const stop = stopMonth(diedOn);
    const lastPaid = addMonths(stop, -1);
    const person = await manager.findOneBy(SocialPerson, { personalId });
    if (!person) {
      await manager.insert(SocialPerson, { personalId, birthDate: null, deceasedOn: diedOn, meritCategory: null });
    } else if (person.deceasedOn === null) {
      await manager.update(SocialPerson, { personalId }, { deceasedOn: diedOn });
    }
    const benefits = await manager.find(SocialBenefit, { where: { personalId }, order: { id: "ASC" } });
    const runningAtDeath = benefits.find(
      (benefit) =>
        benefit.startMonth <= monthOf(diedOn) && (benefit.endMonth === null || benefit.endMonth >= monthOf(diedOn)),
    );
    for (const benefit of benefits) {
      if (benefit.endMonth !== null && benefit.endMonth <= lastPaid) continue;
      await manager.update(SocialBenefit, { id: benefit.id }, { endMonth: lastPaid, endReason: BenefitEndReason.DIED });
    }
    await manager
      .createQueryBuilder()
      .update(SocialPayment)
      .set({ status: PaymentStatus.OVERPAID_AFTER_DEATH })
      .where("personal_id = :personalId AND month >= :stop AND status = :paid", {
        personalId,
        stop,
        paid: PaymentStatus.PAID,
      })
      .execute();
    if (!runningAtDeath) return;
    if (await manager.findOneBy(FuneralSupport, { deceasedPersonalId: personalId })) return;
    const at = new Date(event.timestamp);
    const declarant =
      typeof event.payload.declarantPersonalId === "string" ? event.payload.declarantPersonalId : personalId;
    const amount = funeralSupport(runningAtDeath.provinceCode, diedOn);
    const dossier = await socialDesk.propose(manager, {
      procedureCode: FUNERAL_PROCEDURE[runningAtDeath.program],
      communeCode: runningAtDeath.communeCode,
      provinceCode: runningAtDeath.provinceCode,
      applicantPersonalId: declarant,
      at,
      note: `Đề xuất hỗ trợ mai táng từ đăng ký khai tử ${String(event.payload.dossierCode ?? "")} (mất ngày ${diedOn}, đăng ký ngày ${toLocalDate(at)})`,
      source: `civil-status:DeathRegistered:${event.id}`,
      requestId: event.id,
    });
    await manager.insert(FuneralSupport, {
      deceasedPersonalId: personalId,
      diedOn,
      program: runningAtDeath.program,
      amountVnd: amount.amountVnd,
      status: FuneralSupportStatus.PROPOSED,
      dossierCode: dossier.code,
      decisionNo: null,
      communeCode: runningAtDeath.communeCode,
      provinceCode: runningAtDeath.provinceCode,
    });
  },
};
