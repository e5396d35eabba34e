import { registerEnumType } from "type-graphql";

import { Role } from "../caller";

/**
 * Dossier states with the national portal's status codes (DESIGN §4), kept so that a dossier can
 * be synchronised with the national public-service portal as it moves.
 */
export enum DossierStatus {
  SUBMITTED = "SUBMITTED",
  ACCEPTED = "ACCEPTED",
  REFUSED = "REFUSED",
  PROCESSING = "PROCESSING",
  SUPPLEMENT_REQUESTED = "SUPPLEMENT_REQUESTED",
  FINANCIAL_OBLIGATION = "FINANCIAL_OBLIGATION",
  WITHDRAWN = "WITHDRAWN",
  STOPPED = "STOPPED",
  COMPLETED = "COMPLETED",
  RETURNED = "RETURNED",
}

export const NATIONAL_STATUS_CODE: Readonly<Record<DossierStatus, number>> = {
  SUBMITTED: 1,
  ACCEPTED: 2,
  REFUSED: 3,
  PROCESSING: 4,
  SUPPLEMENT_REQUESTED: 5,
  FINANCIAL_OBLIGATION: 6,
  WITHDRAWN: 7,
  STOPPED: 8,
  COMPLETED: 9,
  RETURNED: 10,
};

registerEnumType(DossierStatus, {
  name: "DossierStatus",
  description: "Trạng thái hồ sơ — the state of a dossier, as on the national public-service portal",
  valuesConfig: {
    SUBMITTED: { description: "Mới nộp trực tuyến (1) — filed online, not yet accepted" },
    ACCEPTED: { description: "Đã tiếp nhận (2) — received at the desk; the due date is fixed" },
    REFUSED: { description: "Từ chối tiếp nhận (3) — not accepted; a reason is recorded" },
    PROCESSING: { description: "Đang xử lý (4) — with the specialist" },
    SUPPLEMENT_REQUESTED: { description: "Yêu cầu bổ sung (5) — waiting for the citizen; the clock stops" },
    FINANCIAL_OBLIGATION: {
      description:
        "Chờ thực hiện nghĩa vụ tài chính (6) — waiting for the citizen to pay fees or taxes (land); the clock stops",
    },
    WITHDRAWN: { description: "Rút hồ sơ (7) — withdrawn at the citizen's request" },
    STOPPED: { description: "Dừng xử lý (8) — processing stopped; a reason is recorded" },
    COMPLETED: { description: "Đã có kết quả (9) — the result is ready" },
    RETURNED: { description: "Đã trả kết quả (10) — the result was handed to the citizen" },
  },
});

/** The national on-time indicator for one dossier (kit/calendar.ts computes it). */
export enum DossierTimeliness {
  ON_TIME = "ON_TIME",
  LATE = "LATE",
  OVERDUE = "OVERDUE",
  IN_PROGRESS = "IN_PROGRESS",
}

registerEnumType(DossierTimeliness, {
  name: "DossierTimeliness",
  description: "Tình trạng đúng hạn — timeliness per the national on-time indicator",
  valuesConfig: {
    ON_TIME: { description: "Đúng hạn — ended on or before the due date" },
    LATE: { description: "Trễ hạn — ended after the due date, or after a second supplement request" },
    OVERDUE: { description: "Quá hạn — still open past the due date" },
    IN_PROGRESS: { description: "Trong hạn — still open, not yet due" },
  },
});

/** Where each state may go. Anything else is refused and changes nothing. */
export const TRANSITIONS: Readonly<Record<DossierStatus, readonly DossierStatus[]>> = {
  SUBMITTED: [DossierStatus.ACCEPTED, DossierStatus.REFUSED, DossierStatus.WITHDRAWN],
  ACCEPTED: [
    DossierStatus.PROCESSING,
    DossierStatus.SUPPLEMENT_REQUESTED,
    DossierStatus.COMPLETED,
    DossierStatus.WITHDRAWN,
    DossierStatus.STOPPED,
  ],
  PROCESSING: [
    DossierStatus.SUPPLEMENT_REQUESTED,
    DossierStatus.FINANCIAL_OBLIGATION,
    DossierStatus.COMPLETED,
    DossierStatus.WITHDRAWN,
    DossierStatus.STOPPED,
  ],
  SUPPLEMENT_REQUESTED: [DossierStatus.PROCESSING, DossierStatus.WITHDRAWN, DossierStatus.STOPPED],
  FINANCIAL_OBLIGATION: [DossierStatus.PROCESSING, DossierStatus.WITHDRAWN, DossierStatus.STOPPED],
  COMPLETED: [DossierStatus.RETURNED],
  REFUSED: [],
  WITHDRAWN: [],
  STOPPED: [],
  RETURNED: [],
};

/** States in which the dossier has ended; the first of these fixes its end time for the indicator. */
export const ENDED_STATES: readonly DossierStatus[] = [
  DossierStatus.REFUSED,
  DossierStatus.WITHDRAWN,
  DossierStatus.STOPPED,
  DossierStatus.COMPLETED,
  DossierStatus.RETURNED,
];

/**
 * States in which the statutory clock stops (DESIGN §4): waiting for the citizen's supplement, or
 * for their fees and taxes (land limits exclude the time to pay them).
 */
export const CLOCK_STOPPED_STATES: readonly DossierStatus[] = [
  DossierStatus.SUPPLEMENT_REQUESTED,
  DossierStatus.FINANCIAL_OBLIGATION,
];

/** Refusing and stopping must say why (the citizen is told the reason in writing). */
export const NEEDS_REASON: readonly DossierStatus[] = [
  DossierStatus.REFUSED,
  DossierStatus.STOPPED,
  DossierStatus.SUPPLEMENT_REQUESTED,
];

/** Who may move a dossier into each state; leaders alone refuse or stop (DESIGN §7). */
export const ROLES_FOR_TARGET: Readonly<Record<DossierStatus, readonly Role[]>> = {
  SUBMITTED: [Role.CITIZEN],
  ACCEPTED: [Role.COMMUNE_OFFICER, Role.COMMUNE_LEADER, Role.ADMIN],
  REFUSED: [Role.COMMUNE_LEADER, Role.ADMIN],
  PROCESSING: [Role.COMMUNE_OFFICER, Role.COMMUNE_LEADER, Role.ADMIN],
  SUPPLEMENT_REQUESTED: [Role.COMMUNE_OFFICER, Role.COMMUNE_LEADER, Role.ADMIN],
  FINANCIAL_OBLIGATION: [Role.COMMUNE_OFFICER, Role.COMMUNE_LEADER, Role.ADMIN],
  WITHDRAWN: [Role.CITIZEN, Role.COMMUNE_OFFICER, Role.COMMUNE_LEADER, Role.ADMIN],
  STOPPED: [Role.COMMUNE_LEADER, Role.ADMIN],
  COMPLETED: [Role.COMMUNE_OFFICER, Role.COMMUNE_LEADER, Role.ADMIN],
  RETURNED: [Role.COMMUNE_OFFICER, Role.COMMUNE_LEADER, Role.ADMIN],
};

export type TransitionProblem =
  | { kind: "NOT_ALLOWED"; message: string }
  | { kind: "ROLE"; message: string }
  | { kind: "REASON"; message: string };

/** Checks one transition against the machine, the actor's role and the note; undefined when allowed. */
export const checkTransition = (
  from: DossierStatus,
  to: DossierStatus,
  role: Role | undefined,
  note: string | undefined,
): TransitionProblem | undefined => {
  if (!TRANSITIONS[from].includes(to)) {
    const allowed = TRANSITIONS[from];
    return {
      kind: "NOT_ALLOWED",
      message:
        allowed.length === 0
          ? `A ${from} dossier has ended and cannot move to ${to}`
          : `A ${from} dossier can move to ${allowed.join(", ")}, not to ${to}`,
    };
  }
  if (!role || !ROLES_FOR_TARGET[to].includes(role)) {
    return { kind: "ROLE", message: `The role ${role ?? "(none)"} may not move a dossier to ${to}` };
  }
  if (NEEDS_REASON.includes(to) && (!note || note.trim().length === 0)) {
    return { kind: "REASON", message: `Moving a dossier to ${to} needs a note saying why` };
  }
  return undefined;
};
