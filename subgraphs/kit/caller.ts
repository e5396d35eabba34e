/** The roles of DESIGN §7. */
export enum Role {
  CITIZEN = "CITIZEN",
  COMMUNE_OFFICER = "COMMUNE_OFFICER",
  COMMUNE_LEADER = "COMMUNE_LEADER",
  CITY_OFFICER = "CITY_OFFICER",
  ANALYST = "ANALYST",
  ADMIN = "ADMIN",
}

/** The fields of work a commune or city officer may be assigned (DESIGN §1). */
export enum WorkField {
  CIVIL_STATUS = "CIVIL_STATUS",
  LAND = "LAND",
  SOCIAL = "SOCIAL",
}

export const ROLES = Object.values(Role);
export const WORK_FIELDS = Object.values(WorkField);

/**
 * Who is asking, as the gateway vouched for it in the hand-off token. An anonymous caller has
 * no role: every guard refuses it with UNAUTHENTICATED.
 */
export interface Caller {
  subject: string;
  role?: Role;
  communeCode?: string;
  provinceCode?: string;
  fields: WorkField[];
  personalId?: string;
}

export const ANONYMOUS: Caller = { subject: "anonymous", fields: [] };

/** The identity claims carried by client tokens and hand-off tokens alike. */
export interface IdentityClaims {
  sub?: string;
  role?: string;
  communeCode?: string;
  provinceCode?: string;
  fields?: string[];
  personalId?: string;
}

/** Builds a caller from verified claims, dropping anything that is not a known role or field. */
export const callerFromClaims = (claims: IdentityClaims): Caller => {
  const role = ROLES.includes(claims.role as Role) ? (claims.role as Role) : undefined;
  const fields = Array.isArray(claims.fields)
    ? claims.fields.filter((f): f is WorkField => WORK_FIELDS.includes(f as WorkField))
    : [];
  return {
    subject: typeof claims.sub === "string" && claims.sub ? claims.sub : "anonymous",
    role,
    communeCode: typeof claims.communeCode === "string" ? claims.communeCode : undefined,
    provinceCode: typeof claims.provinceCode === "string" ? claims.provinceCode : undefined,
    fields,
    personalId: typeof claims.personalId === "string" ? claims.personalId : undefined,
  };
};

export const claimsFromCaller = (caller: Caller): IdentityClaims => ({
  sub: caller.subject,
  role: caller.role,
  communeCode: caller.communeCode,
  provinceCode: caller.provinceCode,
  fields: caller.fields,
  personalId: caller.personalId,
});
