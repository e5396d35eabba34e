import "./app.css";

import { type FormEvent, useEffect, useLayoutEffect, useMemo, useState } from "react";
import { createRoot } from "react-dom/client";

import {
  CHANNEL_LABELS,
  claimsOf,
  type CommuneFigures,
  type DeskStats,
  type DeskView,
  type FieldKey,
  fieldLabel,
  FIELDS,
  formatDate,
  formatDateTime,
  formatInteger,
  formatMonth,
  formatRate,
  formatVnd,
  type HistoryEntry,
  isLate,
  loadDesk,
  loadHistory,
  loadLandByMonth,
  loadOverview,
  loadProvinces,
  loadReceivedByMonth,
  loadSocialByMonth,
  type MonthlySeries,
  monthsOf,
  type Overview,
  type Period,
  type PeriodKind,
  periodOf,
  STATUS_LABELS,
} from "./api";
import { ChartPanel, type ChartSeries } from "./charts";

/** As GET /dashboard/personas returns them, in development only. */
interface Persona {
  id: string;
  label: string;
  description: string;
  token: string;
}

const TOKEN_KEY = "hub.dashboard.token";

/**
 * The caller's token: in production the deployment's sign-in sends the browser back to
 * /dashboard#access_token=… (the fragment never reaches a server); the page keeps it for the tab
 * only (sessionStorage) and removes it from the address bar.
 */
const initialToken = (): string => {
  const match = /(?:^#|&)access_token=([^&]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, "", location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? "";
};

const today = (): string => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------------
// Sign-in bar

const SignIn = ({ token, onToken }: { token: string; onToken: (token: string) => void }) => {
  const [personas, setPersonas] = useState<Persona[] | undefined>();
  const [persona, setPersona] = useState("");
  const [pasted, setPasted] = useState("");
  useEffect(() => {
    fetch("/dashboard/personas")
      .then((res) => (res.ok ? (res.json() as Promise<{ personas: Persona[] }>) : undefined))
      .then((body) => setPersonas(body?.personas))
      .catch(() => setPersonas(undefined));
  }, []);
  const claims = claimsOf(token);
  return (
    <div className="sign-in">
      {personas ? (
        <label>
          Người dùng (phát triển)
          <select
            aria-label="Persona"
            value={persona}
            onChange={(event) => {
              setPersona(event.target.value);
              const chosen = personas.find((one) => one.id === event.target.value);
              if (chosen) onToken(chosen.token);
            }}
          >
            <option value="">— chọn —</option>
            {personas.map((one) => (
              <option key={one.id} value={one.id} title={one.description}>
                {one.label}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <form
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            onToken(pasted.trim());
          }}
        >
          <label>
            Mã truy cập (token)
            <input
              type="password"
              value={pasted}
              onChange={(event) => setPasted(event.target.value)}
              autoComplete="off"
            />
          </label>
          <button type="submit">Đăng nhập</button>
        </form>
      )}
      {token && (
        <span className="who" data-role={claims.role}>
          {claims.role ?? "?"}
          {claims.provinceCode ? ` · tỉnh ${claims.provinceCode}` : ""}
          {claims.communeCode ? ` · xã ${claims.communeCode}` : ""}
        </span>
      )}
    </div>
  );
};

// ---------------------------------------------------------------------------------------------
// Filters

interface Filters {
  province: string;
  period: Period;
  fields: FieldKey[];
}

const PERIOD_LABELS: Record<PeriodKind, string> = { month: "Tháng", quarter: "Quý", year: "Năm", custom: "Tùy chọn" };

const FilterBar = ({
  filters,
  onChange,
  provinces,
  fixedCommune,
}: {
  filters: Filters;
  onChange: (filters: Filters) => void;
  provinces: { code: string; name: string }[];
  fixedCommune?: string;
}) => {
  const { period } = filters;
  const setPeriod = (next: Period) => onChange({ ...filters, period: next });
  return (
    <form className="filters" aria-label="Bộ lọc" onSubmit={(event) => event.preventDefault()}>
      {!fixedCommune && (
        <label>
          Tỉnh, thành phố
          <select value={filters.province} onChange={(event) => onChange({ ...filters, province: event.target.value })}>
            {provinces.length === 0 && <option value={filters.province}>{filters.province}</option>}
            {provinces.map((province) => (
              <option key={province.code} value={province.code}>
                {province.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        Kỳ báo cáo
        <select
          value={period.kind}
          onChange={(event) => {
            const kind = event.target.value as PeriodKind;
            setPeriod(kind === "custom" ? { ...period, kind } : periodOf(kind, period.from));
          }}
        >
          {(Object.keys(PERIOD_LABELS) as PeriodKind[]).map((kind) => (
            <option key={kind} value={kind}>
              {PERIOD_LABELS[kind]}
            </option>
          ))}
        </select>
      </label>
      {period.kind === "custom" ? (
        <>
          <label>
            Từ ngày
            <input
              type="date"
              value={period.from}
              onChange={(event) => setPeriod({ ...period, from: event.target.value })}
            />
          </label>
          <label>
            Đến ngày
            <input
              type="date"
              value={period.to}
              onChange={(event) => setPeriod({ ...period, to: event.target.value })}
            />
          </label>
        </>
      ) : (
        <label>
          {PERIOD_LABELS[period.kind]}
          <input
            type={period.kind === "year" ? "number" : "month"}
            value={period.kind === "year" ? period.from.slice(0, 4) : period.from.slice(0, 7)}
            min={period.kind === "year" ? 2020 : undefined}
            onChange={(event) => {
              const value = event.target.value;
              if (!value) return;
              setPeriod(
                periodOf(
                  period.kind as Exclude<PeriodKind, "custom">,
                  period.kind === "year" ? `${value}-01-01` : `${value}-01`,
                ),
              );
            }}
          />
        </label>
      )}
      <fieldset>
        <legend>Lĩnh vực</legend>
        {FIELDS.map((field) => (
          <label key={field.key} className="check">
            <input
              type="checkbox"
              checked={filters.fields.includes(field.key)}
              onChange={(event) =>
                onChange({
                  ...filters,
                  fields: event.target.checked
                    ? FIELDS.map((one) => one.key).filter((key) => key === field.key || filters.fields.includes(key))
                    : filters.fields.filter((key) => key !== field.key),
                })
              }
            />
            {field.label}
          </label>
        ))}
      </fieldset>
      <span className="period-text" data-period={`${period.from}/${period.to}`}>
        {formatDate(period.from)} – {formatDate(period.to)}
      </span>
    </form>
  );
};

// ---------------------------------------------------------------------------------------------
// Overview table

type SortKey = "name" | "field" | keyof DeskStats;

const COLUMNS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: "name", label: "Xã, phường" },
  { key: "field", label: "Lĩnh vực" },
  { key: "received", label: "Tiếp nhận", numeric: true },
  { key: "completed", label: "Đã giải quyết", numeric: true },
  { key: "onTimeRate", label: "Đúng hạn (hub)", numeric: true },
  { key: "nationalOnTimeRate", label: "Chỉ số 2.1", numeric: true },
  { key: "overdue", label: "Quá hạn", numeric: true },
  { key: "onlineShare", label: "Trực tuyến", numeric: true },
];

interface OverviewRow {
  commune: CommuneFigures;
  field: FieldKey;
  stats: DeskStats | null;
}

const OverviewTable = ({
  overview,
  fields,
  period,
  onOpen,
}: {
  overview: Overview;
  fields: FieldKey[];
  /** The period the figures are for, as from/to (the page's tests wait for it). */
  period: string;
  onOpen: (code: string) => void;
}) => {
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: "overdue", descending: true });
  const rows = useMemo(() => {
    const all: OverviewRow[] = overview.communes.flatMap((commune) =>
      fields.map((field) => ({ commune, field, stats: commune.stats[field] ?? null })),
    );
    const value = (row: OverviewRow): string | number => {
      if (sort.key === "name") return row.commune.name;
      if (sort.key === "field") return fields.indexOf(row.field);
      const figure = row.stats?.[sort.key];
      return figure == null ? -1 : figure;
    };
    return all.sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      const order = typeof x === "string" ? x.localeCompare(String(y), "vi") : x - Number(y);
      return (
        (sort.descending ? -order : order) ||
        a.commune.code.localeCompare(b.commune.code) ||
        fields.indexOf(a.field) - fields.indexOf(b.field)
      );
    });
  }, [overview, fields, sort]);

  return (
    <table className="overview" aria-label="Tổng quan theo xã và lĩnh vực" data-period={period}>
      <thead>
        <tr>
          {COLUMNS.map((column) => (
            <th
              key={column.key}
              scope="col"
              aria-sort={sort.key === column.key ? (sort.descending ? "descending" : "ascending") : "none"}
              className={column.numeric ? "numeric" : undefined}
            >
              <button
                type="button"
                onClick={() =>
                  setSort((current) => ({
                    key: column.key,
                    descending: current.key === column.key ? !current.descending : column.numeric === true,
                  }))
                }
              >
                {column.label}
                <span aria-hidden="true">{sort.key === column.key ? (sort.descending ? " ▼" : " ▲") : ""}</span>
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ commune, field, stats }) => (
          <tr
            key={`${commune.code}-${field}`}
            className={isLate(stats) ? "late" : undefined}
            data-commune={commune.code}
            data-field={field}
          >
            <th scope="row">
              <button type="button" className="link" onClick={() => onOpen(commune.code)}>
                {commune.name}
              </button>
              {isLate(stats) && <span className="badge">Trễ</span>}
            </th>
            <td>{fieldLabel(field)}</td>
            {stats ? (
              <>
                <td className="numeric" data-figure="received">
                  {formatInteger(stats.received)}
                </td>
                <td className="numeric" data-figure="completed">
                  {formatInteger(stats.completed)}
                </td>
                <td className="numeric" data-figure="onTimeRate">
                  {formatRate(stats.onTimeRate)}
                </td>
                <td className="numeric" data-figure="nationalOnTimeRate">
                  {formatRate(stats.nationalOnTimeRate)}
                </td>
                <td className="numeric" data-figure="overdue">
                  {formatInteger(stats.overdue)}
                </td>
                <td className="numeric" data-figure="onlineShare">
                  {formatRate(stats.onlineShare)}
                </td>
              </>
            ) : (
              <td colSpan={6} className="refused">
                {overview.refused[field] ?? "Không có số liệu"}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
};

// ---------------------------------------------------------------------------------------------
// Charts of the overview

const RATE_BINS = [
  { label: "< 50 %", low: 0, high: 0.5 },
  { label: "50–80 %", low: 0.5, high: 0.8 },
  { label: "80–90 %", low: 0.8, high: 0.9 },
  { label: "90–95 %", low: 0.9, high: 0.95 },
  { label: "95–99 %", low: 0.95, high: 0.99 },
  { label: "≥ 99 %", low: 0.99, high: 1.01 },
];

const formatPercentTick = (value: number) => formatRate(value);

const OverviewCharts = ({
  overview,
  fields,
  received,
  social,
  land,
}: {
  overview: Overview;
  fields: FieldKey[];
  received?: MonthlySeries;
  social?: MonthlySeries;
  land?: MonthlySeries;
}) => {
  const rateDistribution = useMemo<ChartSeries[]>(
    () =>
      FIELDS.filter((field) => fields.includes(field.key)).map((field) => ({
        label: field.label,
        colour: field.colour,
        values: RATE_BINS.map(
          (bin) =>
            overview.communes.filter((commune) => {
              const rate = commune.stats[field.key]?.onTimeRate;
              return rate != null && rate >= bin.low && rate < bin.high;
            }).length,
        ),
      })),
    [overview, fields],
  );
  const mostOverdue = useMemo(
    () =>
      overview.communes
        .map((commune) => ({
          commune,
          overdue: fields.reduce((sum, field) => sum + (commune.stats[field]?.overdue ?? 0), 0),
        }))
        .filter((entry) => entry.overdue > 0)
        .sort((a, b) => b.overdue - a.overdue || a.commune.code.localeCompare(b.commune.code))
        .slice(0, 10),
    [overview, fields],
  );
  const receivedSeries = useMemo<ChartSeries[]>(
    () =>
      FIELDS.filter((field) => fields.includes(field.key) && received?.values[field.key]).map((field) => ({
        label: field.label,
        colour: field.colour,
        values: received!.values[field.key],
      })),
    [received, fields],
  );
  return (
    <section className="charts" aria-label="Biểu đồ">
      {received && (
        <ChartPanel
          id="received-by-month"
          title="Hồ sơ tiếp nhận theo tháng"
          summary={`Hồ sơ tiếp nhận mỗi tháng theo lĩnh vực, ${received.months.length} tháng`}
          labels={received.months.map(formatMonth)}
          series={receivedSeries}
          stacked
        />
      )}
      <ChartPanel
        id="on-time-distribution"
        title="Phân bố tỷ lệ đúng hạn giữa các xã"
        summary="Số xã theo khoảng tỷ lệ hồ sơ giải quyết đúng hạn, theo lĩnh vực"
        labels={RATE_BINS.map((bin) => bin.label)}
        series={rateDistribution}
      />
      <ChartPanel
        id="most-overdue"
        title="Các xã có nhiều hồ sơ quá hạn nhất"
        summary={
          mostOverdue.length === 0
            ? "Không xã nào có hồ sơ quá hạn"
            : `Mười xã nhiều hồ sơ quá hạn nhất; nhiều nhất: ${mostOverdue[0].commune.name}, ${mostOverdue[0].overdue} hồ sơ`
        }
        labels={mostOverdue.map((entry) => entry.commune.name)}
        series={[{ label: "Quá hạn", colour: "#c0392b", values: mostOverdue.map((entry) => entry.overdue) }]}
        horizontal
      />
      {social && fields.includes("social") && (
        <ChartPanel
          id="social-by-month"
          title="Bảo trợ xã hội: người hưởng và số tiền chi trả theo tháng"
          summary="Số người trong danh sách chi trả và tổng số tiền mỗi tháng"
          labels={social.months.map(formatMonth)}
          series={[
            { label: "Người hưởng", colour: "#3c8d4f", values: social.values.people ?? [] },
            { label: "Số tiền (₫)", colour: "#8e44ad", values: social.values.amountVnd ?? [], line: true },
          ]}
          formatRight={formatVnd}
        />
      )}
      {land && fields.includes("land") && (
        <ChartPanel
          id="land-by-month"
          title="Đất đai – Xây dựng: giấy chứng nhận và giấy phép xây dựng cấp theo tháng"
          summary="Số giấy chứng nhận quyền sử dụng đất và giấy phép xây dựng cấp mỗi tháng"
          labels={land.months.map(formatMonth)}
          series={[
            { label: "Giấy chứng nhận", colour: "#b8741a", values: land.values.certificates ?? [] },
            { label: "Giấy phép xây dựng", colour: "#7f8c8d", values: land.values.permits ?? [] },
          ]}
        />
      )}
      <p className="chart-note">Tỷ lệ theo cách tính của hub: {formatPercentTick(0.9)} là ngưỡng đánh dấu trễ.</p>
    </section>
  );
};

// ---------------------------------------------------------------------------------------------
// Downloads: through the gateway's export routes with the caller's token, saved as a file.

const download = async (token: string, path: string, setMessage: (message: string) => void) => {
  setMessage("Đang tải…");
  const response = await fetch(path, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as { errors?: { message: string }[] } | undefined;
    setMessage(`Không tải được: ${body?.errors?.[0]?.message ?? response.status}`);
    return;
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "hub.csv";
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  setMessage(`Đã tải ${name}`);
};

const query = (params: Record<string, string>) => new URLSearchParams(params).toString();

// ---------------------------------------------------------------------------------------------
// A commune's desks

const DossierTable = ({
  list,
  caption,
  dossiers,
  onHistory,
}: {
  list: string;
  caption: string;
  dossiers: DeskView["overdue"];
  onHistory: (code: string) => void;
}) => (
  <table className="dossiers" data-list={list}>
    <caption>{caption}</caption>
    <thead>
      <tr>
        <th scope="col">Mã hồ sơ</th>
        <th scope="col">Thủ tục</th>
        <th scope="col">Kênh</th>
        <th scope="col">Trạng thái</th>
        <th scope="col">Tiếp nhận</th>
        <th scope="col">Hạn trả</th>
        <th scope="col">Người nộp</th>
      </tr>
    </thead>
    <tbody>
      {dossiers.length === 0 && (
        <tr>
          <td colSpan={7}>Không có hồ sơ</td>
        </tr>
      )}
      {dossiers.map((dossier) => (
        <tr key={dossier.code} data-dossier={dossier.code}>
          <th scope="row">
            <button type="button" className="link" onClick={() => onHistory(dossier.code)}>
              {dossier.code}
            </button>
          </th>
          <td>{dossier.procedureName}</td>
          <td>{CHANNEL_LABELS[dossier.channel] ?? dossier.channel}</td>
          <td>{STATUS_LABELS[dossier.status] ?? dossier.status}</td>
          <td>{formatDateTime(dossier.receivedAt)}</td>
          <td>{formatDateTime(dossier.dueAt)}</td>
          <td>{dossier.applicant?.fullName ?? "—"}</td>
        </tr>
      ))}
    </tbody>
  </table>
);

const History = ({ token, code, onClose }: { token: string; code: string; onClose: () => void }) => {
  const [entries, setEntries] = useState<HistoryEntry[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    loadHistory(token, code).then(setEntries, (failure: Error) => setError(failure.message));
  }, [token, code]);
  return (
    <section className="history" aria-label={`Lịch sử hồ sơ ${code}`}>
      <h3>Lịch sử hồ sơ {code}</h3>
      <button type="button" onClick={onClose}>
        Đóng
      </button>
      {error && <p role="alert">{error}</p>}
      {entries && (
        <ol>
          {entries.map((entry, index) => (
            <li key={index}>
              {formatDateTime(entry.at)}:{" "}
              {entry.fromStatus ? `${STATUS_LABELS[entry.fromStatus] ?? entry.fromStatus} → ` : ""}
              {STATUS_LABELS[entry.toStatus] ?? entry.toStatus} ({entry.actor}
              {entry.role ? `, ${entry.role}` : ""}){entry.note ? ` — ${entry.note}` : ""}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
};

const CommuneView = ({
  token,
  code,
  name,
  filters,
  onBack,
}: {
  token: string;
  code: string;
  name: string;
  filters: Filters;
  onBack?: () => void;
}) => {
  const [desks, setDesks] = useState<DeskView[] | undefined>();
  const [history, setHistory] = useState<string | undefined>();
  const [message, setMessage] = useState("");
  const [status, setStatus] = useState("");
  useEffect(() => {
    setDesks(undefined);
    Promise.all(filters.fields.map((field) => loadDesk(token, code, field, filters.period, status || undefined))).then(
      setDesks,
      (error: Error) => setMessage(error.message),
    );
  }, [token, code, filters, status]);
  const month = filters.period.to.slice(0, 7);
  return (
    <section className="commune" aria-labelledby="commune-title">
      <h2 id="commune-title" data-commune={code}>
        {name} <span className="code">({code})</span>
      </h2>
      {onBack && (
        <button type="button" onClick={onBack}>
          ← Tổng quan
        </button>
      )}
      <div className="exports" role="group" aria-label="Tải CSV của xã">
        {filters.fields.map((field) => (
          <button
            key={field}
            type="button"
            onClick={() =>
              void download(
                token,
                `/dashboard/export/dossiers.csv?${query({ field, commune: code, from: filters.period.from, to: filters.period.to })}`,
                setMessage,
              )
            }
          >
            CSV hồ sơ {fieldLabel(field)}
          </button>
        ))}
        {filters.fields.includes("social") && (
          <button
            type="button"
            onClick={() =>
              void download(token, `/dashboard/export/payment-roll.csv?${query({ commune: code, month })}`, setMessage)
            }
          >
            CSV danh sách chi trả {formatMonth(month)}
          </button>
        )}
        <span role="status">{message}</span>
      </div>
      <label>
        Trạng thái hồ sơ trong kỳ
        <select value={status} onChange={(event) => setStatus(event.target.value)}>
          <option value="">Tất cả</option>
          {Object.entries(STATUS_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {!desks && <p role="status">Đang tải…</p>}
      {desks?.map((desk) => (
        <article key={desk.field} className="desk" data-field={desk.field}>
          <h3>{fieldLabel(desk.field)}</h3>
          {desk.refused ? (
            <p className="refused">{desk.refused}</p>
          ) : (
            <>
              {desk.stats && (
                <dl className="cards">
                  <div>
                    <dt>Tiếp nhận</dt>
                    <dd data-figure="received">{formatInteger(desk.stats.received)}</dd>
                  </div>
                  <div>
                    <dt>Đã giải quyết</dt>
                    <dd>{formatInteger(desk.stats.completed)}</dd>
                  </div>
                  <div>
                    <dt>Đúng hạn (hub)</dt>
                    <dd>{formatRate(desk.stats.onTimeRate)}</dd>
                  </div>
                  <div>
                    <dt>Chỉ số 2.1</dt>
                    <dd>{formatRate(desk.stats.nationalOnTimeRate)}</dd>
                  </div>
                  <div className={desk.stats.overdue > 0 ? "late" : undefined}>
                    <dt>Quá hạn</dt>
                    <dd data-figure="overdue">{formatInteger(desk.stats.overdue)}</dd>
                  </div>
                </dl>
              )}
              <table className="procedures">
                <caption>Theo thủ tục</caption>
                <thead>
                  <tr>
                    <th scope="col">Thủ tục</th>
                    <th scope="col">Tiếp nhận</th>
                    <th scope="col">Đã giải quyết</th>
                    <th scope="col">Quá hạn</th>
                    <th scope="col">Đúng hạn</th>
                  </tr>
                </thead>
                <tbody>
                  {desk.byProcedure
                    .filter((procedure) => procedure.received > 0)
                    .map((procedure) => (
                      <tr key={procedure.procedureCode}>
                        <th scope="row">
                          {procedure.procedureName} <span className="code">{procedure.procedureCode}</span>
                        </th>
                        <td className="numeric">{formatInteger(procedure.received)}</td>
                        <td className="numeric">{formatInteger(procedure.completed)}</td>
                        <td className="numeric">{formatInteger(procedure.overdue)}</td>
                        <td className="numeric">{formatRate(procedure.onTimeRate)}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
              {desk.listRefused ? (
                <p className="refused">Danh sách hồ sơ: {desk.listRefused}</p>
              ) : (
                <>
                  <DossierTable
                    list="overdue"
                    caption="Hồ sơ đang quá hạn (mọi kỳ)"
                    dossiers={desk.overdue}
                    onHistory={setHistory}
                  />
                  <DossierTable
                    list="recent"
                    caption={`Hồ sơ tiếp nhận trong kỳ${status ? `: ${STATUS_LABELS[status]}` : ""}, mới nhất trước`}
                    dossiers={desk.recent}
                    onHistory={setHistory}
                  />
                </>
              )}
            </>
          )}
        </article>
      ))}
      {history && <History token={token} code={history} onClose={() => setHistory(undefined)} />}
    </section>
  );
};

// ---------------------------------------------------------------------------------------------
// The page

/** The work field of a token's claims for each field of the page. */
const FIELD_CLAIMS: Record<FieldKey, string> = { civilStatus: "CIVIL_STATUS", land: "LAND", social: "SOCIAL" };

type View = { kind: "overview" } | { kind: "commune"; code: string; name: string };

/** Whether any field answered for any commune: otherwise the page shows why, not an empty table. */
const hasFigures = (overview: Overview): boolean =>
  overview.communes.some((commune) => Object.values(commune.stats).some((stats) => stats !== null));

const Dashboard = ({ token }: { token: string }) => {
  const claims = claimsOf(token);
  const ownCommune =
    claims.role === "COMMUNE_OFFICER" || claims.role === "COMMUNE_LEADER" ? claims.communeCode : undefined;
  const [filters, setFilters] = useState<Filters>(() => ({
    province: claims.provinceCode ?? "01",
    // This month: what a department checks first (a year of a city's desks is about 700,000 dossiers).
    period: periodOf("month", today()),
    // A desk or department opens on its own fields; analysts and admins on all of them.
    fields: FIELDS.filter((field) => !claims.fields?.length || claims.fields.includes(FIELD_CLAIMS[field.key])).map(
      (field) => field.key,
    ),
  }));
  const [provinces, setProvinces] = useState<{ code: string; name: string }[]>([]);
  const [overview, setOverview] = useState<Overview | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [series, setSeries] = useState<{ received?: MonthlySeries; social?: MonthlySeries; land?: MonthlySeries }>({});
  const [view, setView] = useState<View>({ kind: "overview" });
  const [message, setMessage] = useState("");

  useEffect(() => {
    loadProvinces(token).then(setProvinces, () => setProvinces([]));
  }, [token]);

  useEffect(() => {
    let current = true;
    setOverview(undefined);
    setError(undefined);
    setSeries({});
    const scope = ownCommune ? { commune: ownCommune } : { province: filters.province };
    loadOverview(token, scope, filters.period, filters.fields).then(
      (loaded) => current && setOverview(loaded),
      (failure: Error) => current && setError(failure.message),
    );
    // Months to come have nothing received or paid yet: the series stop at this month.
    // At least the twelve months up to the period's end, so a month is seen against the year before it.
    const end = filters.period.to;
    const yearBefore = `${Number(end.slice(0, 4)) - 1}-${end.slice(5, 7)}-01`;
    const since =
      filters.period.from < yearBefore
        ? filters.period.from
        : monthsOf({ ...filters.period, from: yearBefore })[1] + "-01";
    const months = monthsOf({ ...filters.period, from: since }, today().slice(0, 7));
    void Promise.all([
      loadReceivedByMonth(token, scope, months, filters.fields),
      filters.fields.includes("social") ? loadSocialByMonth(token, scope, months) : undefined,
      filters.fields.includes("land") ? loadLandByMonth(token, scope, months) : undefined,
    ]).then(([received, social, land]) => current && setSeries({ received, social, land }));
    return () => {
      current = false;
    };
  }, [token, ownCommune, filters]);

  // How long the overview takes to draw once the API has answered (read by the page's test).
  useLayoutEffect(() => {
    if (!overview) return;
    const drawn = performance.now();
    document.body.dataset.overviewRenderMs = String(Math.round(drawn - overview.answeredAt));
    document.body.dataset.overviewRows = String(overview.communes.length * filters.fields.length);
  }, [overview, filters.fields]);

  if (view.kind === "commune") {
    return (
      <>
        <FilterBar filters={filters} onChange={setFilters} provinces={provinces} fixedCommune={view.code} />
        <CommuneView
          token={token}
          code={view.code}
          name={view.name}
          filters={filters}
          onBack={() => setView({ kind: "overview" })}
        />
      </>
    );
  }
  const title = ownCommune
    ? `Xã ${overview?.communes[0]?.name ?? ownCommune}`
    : (overview?.province?.name ??
      provinces.find((province) => province.code === filters.province)?.name ??
      filters.province);
  return (
    <>
      <FilterBar filters={filters} onChange={setFilters} provinces={provinces} fixedCommune={ownCommune} />
      <section className="overview-section" aria-labelledby="overview-title">
        <h2 id="overview-title">Tổng quan: {title}</h2>
        <div className="exports" role="group" aria-label="Tải CSV">
          <button
            type="button"
            disabled={!!ownCommune}
            onClick={() =>
              void download(
                token,
                `/dashboard/export/overview.csv?${query({ province: filters.province, from: filters.period.from, to: filters.period.to, fields: filters.fields.join(",") })}`,
                setMessage,
              )
            }
          >
            CSV tổng quan
          </button>
          {filters.fields.includes("social") && !ownCommune && (
            <button
              type="button"
              onClick={() =>
                void download(
                  token,
                  `/dashboard/export/payment-roll.csv?${query({ province: filters.province, month: filters.period.to.slice(0, 7) })}`,
                  setMessage,
                )
              }
            >
              CSV danh sách chi trả {formatMonth(filters.period.to.slice(0, 7))}
            </button>
          )}
          <span role="status">{message}</span>
        </div>
        {(error || (overview && !hasFigures(overview))) && (
          <p role="alert" className="refused">
            Không có số liệu để hiển thị: {error ?? [...new Set(Object.values(overview!.refused))].join("; ")}
          </p>
        )}
        {!overview && !error && <p role="status">Đang tải…</p>}
        {overview && hasFigures(overview) && (
          <>
            <OverviewCharts overview={overview} fields={filters.fields} {...series} />
            <OverviewTable
              overview={overview}
              fields={filters.fields}
              period={`${filters.period.from}/${filters.period.to}`}
              onOpen={(code) =>
                setView({ kind: "commune", code, name: overview.communes.find((c) => c.code === code)?.name ?? code })
              }
            />
          </>
        )}
      </section>
    </>
  );
};

const App = () => {
  const [token, setToken] = useState(initialToken);
  const choose = (next: string) => {
    sessionStorage.setItem(TOKEN_KEY, next);
    setToken(next);
  };
  return (
    <>
      <header className="bar">
        <h1>
          Bảng điều hành <span className="subtitle">Hub · chính quyền hai cấp</span>
        </h1>
        <SignIn token={token} onToken={choose} />
      </header>
      <main id="main">{token ? <Dashboard key={token} token={token} /> : <p>Đăng nhập để xem số liệu.</p>}</main>
    </>
  );
};

createRoot(document.getElementById("root")!).render(<App />);
