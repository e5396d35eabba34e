/**
 * What the dashboard reads, all through the gateway's public GraphQL API with the caller's own
 * token: the page holds no rule of who may see what (the subgraphs decide; a refusal shows as
 * such), and the figures on screen are the API's figures.
 */

export const FIELDS = [
  { key: "civilStatus", label: "Hộ tịch", short: "HT", colour: "#2f6fb5" },
  { key: "land", label: "Đất đai – Xây dựng", short: "ĐĐ", colour: "#b8741a" },
  { key: "social", label: "Văn hóa – Xã hội", short: "XH", colour: "#3c8d4f" },
] as const;

export type FieldKey = (typeof FIELDS)[number]["key"];

export const fieldLabel = (key: FieldKey): string => FIELDS.find((field) => field.key === key)!.label;

export interface GraphqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string };
}

export interface GraphqlAnswer<T> {
  data?: T | null;
  errors?: GraphqlError[];
}

/** One POST to /graphql with the caller's token. */
export const graphql = async <T>(
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphqlAnswer<T>> => {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  try {
    return JSON.parse(text) as GraphqlAnswer<T>;
  } catch {
    return { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 200)}` }] };
  }
};

/** The claims the page reads from the caller's token, to choose its first view (never to decide access). */
export interface Claims {
  role?: string;
  provinceCode?: string;
  communeCode?: string;
  fields?: string[];
  sub?: string;
}

export const claimsOf = (token: string): Claims => {
  try {
    const part = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part), (c) => c.charCodeAt(0)))) as Claims;
  } catch {
    return {};
  }
};

// ---------------------------------------------------------------------------------------------
// Periods

export type PeriodKind = "month" | "quarter" | "year" | "custom";

export interface Period {
  kind: PeriodKind;
  /** Local dates, inclusive. */
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, "0");
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The period of a kind that holds `day` (YYYY-MM-DD). */
export const periodOf = (kind: Exclude<PeriodKind, "custom">, day: string): Period => {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  if (kind === "month")
    return { kind, from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${lastDayOf(year, month)}` };
  if (kind === "quarter") {
    const first = Math.floor((month - 1) / 3) * 3 + 1;
    return { kind, from: `${year}-${pad(first)}-01`, to: `${year}-${pad(first + 2)}-${lastDayOf(year, first + 2)}` };
  }
  return { kind, from: `${year}-01-01`, to: `${year}-12-31` };
};

/** The months (YYYY-MM) a period touches, oldest first, up to `until` (the current month). */
export const monthsOf = (period: Period, until = "9999-12"): string[] => {
  const months: string[] = [];
  let year = Number(period.from.slice(0, 4));
  let month = Number(period.from.slice(5, 7));
  const last = period.to.slice(0, 7) < until ? period.to.slice(0, 7) : until;
  while (`${year}-${pad(month)}` <= last && months.length < 120) {
    months.push(`${year}-${pad(month)}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
};

export const monthRange = (month: string): { from: string; to: string } => {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return { from: `${month}-01`, to: `${month}-${lastDayOf(year, m)}` };
};

// ---------------------------------------------------------------------------------------------
// Formats: vi-VN

const integer = new Intl.NumberFormat("vi-VN");
const percent = new Intl.NumberFormat("vi-VN", {
  style: "percent",
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const dateFormat = new Intl.DateTimeFormat("vi-VN", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  timeZone: "Asia/Ho_Chi_Minh",
});
const dateTimeFormat = new Intl.DateTimeFormat("vi-VN", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Asia/Ho_Chi_Minh",
});

export const formatInteger = (value: number): string => integer.format(value);
export const formatRate = (value: number | null | undefined): string => (value == null ? "—" : percent.format(value));
export const formatVnd = (value: number): string => `${integer.format(value)} ₫`;
/** A local date (YYYY-MM-DD) as dd/mm/yyyy. */
export const formatDate = (day: string): string => dateFormat.format(new Date(`${day}T12:00:00+07:00`));
export const formatDateTime = (instant: string | null | undefined): string =>
  instant ? dateTimeFormat.format(new Date(instant)) : "—";
export const formatMonth = (month: string): string => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

// ---------------------------------------------------------------------------------------------
// Queries

export interface DeskStats {
  received: number;
  completed: number;
  onTime: number;
  late: number;
  overdue: number;
  onTimeRate: number | null;
  nationalOnTimeRate: number | null;
  onlineShare: number | null;
}

const STATS = "received completed onTime late overdue onTimeRate nationalOnTimeRate onlineShare";

export interface CommuneFigures {
  code: string;
  name: string;
  kind: string;
  /** By field; null when the field refused or could not answer (its error is in `refused`). */
  stats: Partial<Record<FieldKey, DeskStats | null>>;
}

export interface Overview {
  province: { code: string; name: string } | null;
  communes: CommuneFigures[];
  /** Messages of the fields that refused or failed, by field. */
  refused: Partial<Record<FieldKey, string>>;
  /** When the API's answer arrived (performance.now()). */
  answeredAt: number;
}

const fieldOfPath = (path: (string | number)[] | undefined): FieldKey | undefined =>
  path?.find((part): part is FieldKey => FIELDS.some((field) => field.key === part));

/** Each field present in the graph for every commune of a province, or for one commune. */
export const loadOverview = async (
  token: string,
  scope: { province: string } | { commune: string },
  period: Period,
  fields: readonly FieldKey[],
): Promise<Overview> => {
  const selection = fields.map((field) => `${field} { stats(from: $from, to: $to) { ${STATS} } }`).join(" ");
  const communeSelection = `code name kind ${selection}`;
  const query =
    "province" in scope
      ? `query Overview($code: ID!, $from: Date!, $to: Date!) { province(code: $code) { code name communes { ${communeSelection} } } }`
      : `query Overview($code: ID!, $from: Date!, $to: Date!) { commune(code: $code) { ${communeSelection} province { code name } } }`;
  type Row = { code: string; name: string; kind: string; province?: { code: string; name: string } } & Partial<
    Record<FieldKey, { stats: DeskStats } | null>
  >;
  const answer = await graphql<{
    province?: { code: string; name: string; communes: Row[] } | null;
    commune?: Row | null;
  }>(token, query, { code: "province" in scope ? scope.province : scope.commune, from: period.from, to: period.to });
  const answeredAt = performance.now();
  const refused: Overview["refused"] = {};
  const general: string[] = [];
  for (const error of answer.errors ?? []) {
    const field = fieldOfPath(error.path);
    if (field) refused[field] ??= error.message;
    else general.push(error.message);
  }
  const rows = answer.data?.province?.communes ?? (answer.data?.commune ? [answer.data.commune] : []);
  if (rows.length === 0 && general.length > 0) throw new Error(general[0]);
  return {
    province: answer.data?.province
      ? { code: answer.data.province.code, name: answer.data.province.name }
      : (answer.data?.commune?.province ?? null),
    communes: rows.map((row) => ({
      code: row.code,
      name: row.name,
      kind: row.kind,
      stats: Object.fromEntries(fields.map((field) => [field, row[field]?.stats ?? null])),
    })),
    refused,
    answeredAt,
  };
};

/** GraphQL allows the gateway at most 20 aliases a request: monthly series are asked in chunks. */
const ALIASES_PER_REQUEST = 12;

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

export interface MonthlySeries {
  months: string[];
  /** By series name, one value per month; null where the API refused. */
  values: Record<string, (number | null)[]>;
  refused: string[];
}

/**
 * Figures per month for a province or a commune: one aliased field per month, asked a few months
 * at a time. Each month's range or month goes as variables of the request ($from_2026_11, …):
 * `select` gives the selection for one month from the names of its variables, `uses` says which
 * it needs (GraphQL refuses a variable a request declares and does not use), `read` the values.
 */
const monthly = async <T>(
  token: string,
  scope: { province: string } | { commune: string },
  months: readonly string[],
  uses: "range" | "month",
  select: (variables: { from: string; to: string; month: string }) => string,
  read: (value: T | null | undefined) => Record<string, number | null>,
): Promise<MonthlySeries> => {
  const values: Record<string, (number | null)[]> = {};
  const refused = new Set<string>();
  const root = "province" in scope ? "province" : "commune";
  const code = "province" in scope ? scope.province : scope.commune;
  const keyOf = (month: string) => month.replace("-", "_");
  const answers = await Promise.all(
    chunks(months, ALIASES_PER_REQUEST).map((part) => {
      const declared = part.map((month) =>
        uses === "range"
          ? `$from_${keyOf(month)}: Date!, $to_${keyOf(month)}: Date!`
          : `$month_${keyOf(month)}: String!`,
      );
      const variables: Record<string, string> = { code };
      for (const month of part) {
        if (uses === "month") {
          variables[`month_${keyOf(month)}`] = month;
          continue;
        }
        const { from, to } = monthRange(month);
        variables[`from_${keyOf(month)}`] = from;
        variables[`to_${keyOf(month)}`] = to;
      }
      return graphql<Record<string, Record<string, T | null> | null>>(
        token,
        `query Monthly($code: ID!, ${declared.join(", ")}) { ${root}(code: $code) { ${part
          .map(
            (month) =>
              `m${keyOf(month)}: ${select({ from: `$from_${keyOf(month)}`, to: `$to_${keyOf(month)}`, month: `$month_${keyOf(month)}` })}`,
          )
          .join(" ")} } }`,
        variables,
      ).then((answer) => ({ part, answer }));
    }),
  );
  months.forEach((month, index) => {
    const { answer } = answers.find(({ part }) => part.includes(month))!;
    for (const error of answer.errors ?? []) refused.add(error.message);
    const read_ = read(answer.data?.[root]?.[`m${keyOf(month)}`]);
    for (const [name, value] of Object.entries(read_)) {
      values[name] ??= months.map(() => null);
      values[name][index] = value;
    }
  });
  return { months: [...months], values, refused: [...refused] };
};

/** Dossiers received per month in each field. */
export const loadReceivedByMonth = async (
  token: string,
  scope: { province: string } | { commune: string },
  months: readonly string[],
  fields: readonly FieldKey[],
): Promise<MonthlySeries> => {
  const series = await Promise.all(
    fields.map((field) =>
      monthly<{ stats: { received: number } } | null>(
        token,
        scope,
        months,
        "range",
        ({ from, to }) => `${field} { stats(from: ${from}, to: ${to}) { received } }`,
        (value) => ({ [field]: value?.stats.received ?? null }),
      ),
    ),
  );
  return {
    months: [...months],
    values: Object.assign({}, ...series.map((one) => one.values)) as MonthlySeries["values"],
    refused: series.flatMap((one) => one.refused),
  };
};

/** Social affairs: people on the roll and the amount of each month's payment roll. */
export const loadSocialByMonth = (
  token: string,
  scope: { province: string } | { commune: string },
  months: readonly string[],
): Promise<MonthlySeries> =>
  monthly<{ paymentRoll: { lineCount: number; totalVnd: number } } | null>(
    token,
    scope,
    months,
    "month",
    ({ month }) => `social { paymentRoll(month: ${month}) { lineCount totalVnd } }`,
    (value) => ({ people: value?.paymentRoll.lineCount ?? null, amountVnd: value?.paymentRoll.totalVnd ?? null }),
  );

/** Land and construction: certificates and permits issued each month. */
export const loadLandByMonth = (
  token: string,
  scope: { province: string } | { commune: string },
  months: readonly string[],
): Promise<MonthlySeries> =>
  monthly<{ registerStats: { certificatesIssued: number; permitsIssued: number } } | null>(
    token,
    scope,
    months,
    "range",
    ({ from, to }) => `land { registerStats(from: ${from}, to: ${to}) { certificatesIssued permitsIssued } }`,
    (value) => ({
      certificates: value?.registerStats.certificatesIssued ?? null,
      permits: value?.registerStats.permitsIssued ?? null,
    }),
  );

// ---------------------------------------------------------------------------------------------
// A commune's desk

export interface DeskDossier {
  code: string;
  procedureCode: string;
  procedureName: string;
  channel: string;
  status: string;
  receivedAt: string;
  dueAt: string | null;
  endedAt: string | null;
  timeliness: string | null;
  applicant: { fullName: string } | null;
}

export interface ProcedureFigures {
  procedureCode: string;
  procedureName: string;
  received: number;
  completed: number;
  overdue: number;
  onTimeRate: number | null;
}

export interface DeskView {
  field: FieldKey;
  stats: DeskStats | null;
  byProcedure: ProcedureFigures[];
  /** Overdue dossiers first, then the newest others. */
  overdue: DeskDossier[];
  recent: DeskDossier[];
  /** Why the list is missing (an analyst sees figures, not names). */
  listRefused?: string;
  refused?: string;
}

const DOSSIER =
  "code procedureCode procedureName channel status receivedAt dueAt endedAt timeliness applicant { fullName }";

export const loadDesk = async (
  token: string,
  commune: string,
  field: FieldKey,
  period: Period,
  status?: string,
): Promise<DeskView> => {
  const figures = await graphql<{
    commune: Partial<Record<FieldKey, { stats: DeskStats & { byProcedure: ProcedureFigures[] } } | null>> | null;
  }>(
    token,
    `query DeskFigures($code: ID!, $from: Date!, $to: Date!) { commune(code: $code) { ${field} { stats(from: $from, to: $to) { ${STATS} byProcedure { procedureCode procedureName received completed overdue onTimeRate } } } } }`,
    { code: commune, from: period.from, to: period.to },
  );
  const stats = figures.data?.commune?.[field]?.stats ?? null;
  if (!stats)
    return { field, stats: null, byProcedure: [], overdue: [], recent: [], refused: figures.errors?.[0]?.message };
  const lists = await graphql<{
    commune: Partial<
      Record<FieldKey, { overdue: { nodes: DeskDossier[] }; recent: { nodes: DeskDossier[] } } | null>
    > | null;
  }>(
    token,
    `query DeskLists($code: ID!, $from: Date!, $to: Date!, $status: [DossierStatus!]) { commune(code: $code) { ${field} {
       overdue: dossiers(first: 50, filter: { overdue: true }) { nodes { ${DOSSIER} } }
       recent: dossiers(first: 30, filter: { receivedFrom: $from, receivedTo: $to, status: $status }) { nodes { ${DOSSIER} } } } } }`,
    { code: commune, from: period.from, to: period.to, status: status ? [status] : null },
  );
  const desk = lists.data?.commune?.[field];
  const overdue = desk?.overdue.nodes ?? [];
  return {
    field,
    stats,
    byProcedure: stats.byProcedure,
    overdue,
    recent: (desk?.recent.nodes ?? []).filter((dossier) => !overdue.some((late) => late.code === dossier.code)),
    listRefused: desk ? undefined : (lists.errors?.[0]?.message ?? "Không đọc được danh sách hồ sơ"),
  };
};

export interface HistoryEntry {
  fromStatus: string | null;
  toStatus: string;
  actor: string;
  role: string | null;
  at: string;
  note: string | null;
}

export const loadHistory = async (token: string, code: string): Promise<HistoryEntry[]> => {
  const answer = await graphql<{ dossier: { history?: HistoryEntry[] } | null }>(
    token,
    `
      query DossierHistory($code: ID!) {
        dossier(code: $code) {
          code
          ... on CivilStatusDossier {
            history {
              fromStatus
              toStatus
              actor
              role
              at
              note
            }
          }
          ... on LandDossier {
            history {
              fromStatus
              toStatus
              actor
              role
              at
              note
            }
          }
          ... on SocialDossier {
            history {
              fromStatus
              toStatus
              actor
              role
              at
              note
            }
          }
        }
      }
    `,
    { code },
  );
  if (!answer.data?.dossier) throw new Error(answer.errors?.[0]?.message ?? `Không tìm thấy hồ sơ ${code}`);
  return answer.data.dossier.history ?? [];
};

export const loadProvinces = async (token: string): Promise<{ code: string; name: string }[]> =>
  (await graphql<{ provinces: { code: string; name: string }[] }>(token, "{ provinces { code name } }")).data
    ?.provinces ?? [];

// ---------------------------------------------------------------------------------------------
// Labels

export const STATUS_LABELS: Record<string, string> = {
  SUBMITTED: "Mới nộp",
  ACCEPTED: "Đã tiếp nhận",
  REFUSED: "Từ chối tiếp nhận",
  PROCESSING: "Đang xử lý",
  SUPPLEMENT_REQUESTED: "Chờ bổ sung",
  FINANCIAL_OBLIGATION: "Chờ nghĩa vụ tài chính",
  WITHDRAWN: "Rút hồ sơ",
  STOPPED: "Dừng xử lý",
  COMPLETED: "Đã giải quyết",
  RETURNED: "Đã trả kết quả",
};

export const CHANNEL_LABELS: Record<string, string> = { DESK: "Trực tiếp", ONLINE: "Trực tuyến", LINKED: "Liên thông" };

/** A desk's overview row counts as late when it has overdue dossiers or its on-time rate is below this. */
export const LATE_RATE = 0.9;

export const isLate = (stats: DeskStats | null | undefined): boolean =>
  !!stats && (stats.overdue > 0 || (stats.onTimeRate !== null && stats.onTimeRate < LATE_RATE));
