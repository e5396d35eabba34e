import "reflect-metadata";

import { AsyncLocalStorage } from "node:async_hooks";

import {
  DataSource,
  type DataSourceOptions,
  type EntityManager,
  type Logger,
  type MixedList,
  QueryFailedError,
  type QueryRunner,
} from "typeorm";

import { log } from "./logger";

/** Marks work that runs beside the requests (event feeds and consumers): its statements are counted apart. */
const backgroundWork = new AsyncLocalStorage<true>();

/** Runs `work` as background work: the statements it sends do not count as requests' statements. */
export const inBackground = <T>(work: () => Promise<T>): Promise<T> => backgroundWork.run(true, work);

/**
 * Counts every SQL statement the service sends, so tests and benchmarks can assert that an
 * operation costs a constant number of statements however long its lists are. Statements of
 * background work (`inBackground`) are counted in `background`, not in `total`.
 */
export class StatementCounter implements Logger {
  total = 0;
  background = 0;
  /** Sees each request statement with its parameters: tests read which statements a path runs (EXPLAIN). */
  listener?: (query: string, parameters?: readonly unknown[]) => void;

  private count(): void {
    if (backgroundWork.getStore()) this.background += 1;
    else this.total += 1;
  }

  logQuery(query: string, parameters?: unknown[], _runner?: QueryRunner): void {
    this.count();
    if (this.listener && !backgroundWork.getStore()) this.listener(query, parameters);
  }
  logQueryError(error: string | Error, query: string): void {
    this.count();
    log.warn("sql statement failed", { error: String(error), query: query.slice(0, 300) });
  }
  logQuerySlow(time: number, query: string): void {
    log.warn("slow sql statement", { ms: time, query: query.slice(0, 300) });
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    log.info("migration", { message });
  }
  log(level: "log" | "info" | "warn", message: unknown): void {
    if (level === "warn") log.warn(String(message));
  }
}

export interface Database {
  dataSource: DataSource;
  statements: StatementCounter;
  kind: "sqlite" | "mysql";
  /**
   * Runs `work` in one transaction. On SQLite every transaction shares the one connection, so
   * they are queued here: interleaved, one request's statements would join another's transaction.
   * On MySQL a transaction InnoDB chose as a deadlock victim was rolled back whole, so it is run
   * again (up to three attempts): `work` must do nothing but database work.
   */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** An entity or migration class. */
export type ClassType = abstract new (...args: never[]) => unknown;

export interface DatabaseOptions {
  /** `sqlite:<file>` (or `sqlite::memory:`) for the embedded default, `mysql://user:pass@host:port/db` otherwise. */
  url: string;
  entities: MixedList<ClassType>;
  migrations: MixedList<ClassType>;
  /** Tables from entities instead of migrations: only for throw-away test databases. */
  synchronize?: boolean;
  /** Refuse MySQL servers that may lose acknowledged commits (DESIGN §10). Default true. */
  requireDurableMysql?: boolean;
  /**
   * On MySQL, the longest a statement may wait for its answer before the client gives up on it
   * (and on its connection), so a hung server costs an error, not a request that never ends.
   * SQLite waits at most its busy timeout for a lock. Default 20 s.
   */
  statementTimeoutMs?: number;
}

/** How long a readiness check waits for the database before saying it is not ready. */
export const READINESS_TIMEOUT_MS = 2000;

export const describeDatabaseUrl = (url: string): string => url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");

const toDataSourceOptions = (options: DatabaseOptions, logger: Logger): DataSourceOptions => {
  const common = {
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: "schema_migration",
    synchronize: options.synchronize ?? false,
    logger,
    logging: true as const,
  };
  if (options.url.startsWith("sqlite:")) {
    return {
      ...common,
      type: "better-sqlite3",
      database: options.url.slice("sqlite:".length),
      maxQueryExecutionTime: 1000,
      // WAL lets readers work while a writer commits; FULL sync keeps every acknowledged commit.
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma("journal_mode = WAL");
        db.pragma("synchronous = FULL");
        db.pragma("busy_timeout = 5000");
        db.pragma("foreign_keys = ON");
      },
    };
  }
  if (/^(mysql|mariadb):\/\//.test(options.url)) {
    return {
      ...common,
      type: "mysql",
      url: options.url.replace(/^mariadb:/, "mysql:"),
      charset: "utf8mb4_unicode_ci",
      timezone: "Z",
      dateStrings: ["DATE"],
      // Every wait is bounded (DESIGN §10): opening a connection, and each statement's answer.
      connectTimeout: 5000,
      enableQueryTimeout: true,
      maxQueryExecutionTime: options.statementTimeoutMs ?? 20_000,
      extra: { connectionLimit: 10 },
    };
  }
  throw new Error(`Unsupported database URL ${describeDatabaseUrl(options.url)}: use sqlite:<file> or mysql://…`);
};

const assertDurableMysql = async (dataSource: DataSource): Promise<void> => {
  const [row] = (await dataSource.query(
    "SELECT @@innodb_flush_log_at_trx_commit AS flush, @@log_bin AS logBin, @@sync_binlog AS syncBinlog",
  )) as Array<{ flush: number | string; logBin: number | string; syncBinlog: number | string }>;
  if (Number(row.flush) !== 1) {
    throw new Error(
      `MySQL innodb_flush_log_at_trx_commit is ${row.flush}; it must be 1 so that no acknowledged commit is lost`,
    );
  }
  if (Number(row.logBin) === 1 && Number(row.syncBinlog) !== 1) {
    throw new Error(`MySQL sync_binlog is ${row.syncBinlog} with the binary log on; it must be 1`);
  }
};

/** Opens the service's database and brings its schema up to date through the migrations. */
export const openDatabase = async (options: DatabaseOptions): Promise<Database> => {
  const statements = new StatementCounter();
  const dataSource = new DataSource(toDataSourceOptions(options, statements));
  await dataSource.initialize();
  const kind = dataSource.options.type === "mysql" ? "mysql" : "sqlite";
  try {
    if (kind === "mysql" && options.requireDurableMysql !== false) await assertDurableMysql(dataSource);
    if (!options.synchronize) await dataSource.runMigrations({ transaction: "each" });
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  let queue: Promise<unknown> = Promise.resolve();
  const transaction = async <T>(work: (manager: EntityManager) => Promise<T>): Promise<T> => {
    if (kind === "mysql") {
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await dataSource.transaction(work);
        } catch (error) {
          if (attempt >= DEADLOCK_ATTEMPTS || !isDeadlock(error)) throw error;
          // A short random pause so the two transactions do not collide again in step.
          await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
        }
      }
    }
    const run = queue.then(() => dataSource.transaction(work));
    queue = run.catch(() => undefined);
    return run;
  };
  return { dataSource, statements, kind, transaction, close: () => dataSource.destroy() };
};

const DEADLOCK_ATTEMPTS = 3;

/** InnoDB rolled the transaction back to break a deadlock (ER_LOCK_DEADLOCK, 1213). */
const isDeadlock = (error: unknown): boolean =>
  error instanceof QueryFailedError &&
  (error.driverError as { code?: string } | undefined)?.code === "ER_LOCK_DEADLOCK";

/** Dates as the drivers store them (UTC, millisecond text), so SQLite compares them as text. */
export const sqlInstant = (at: Date): string => at.toISOString().replace("T", " ").replace("Z", "");

/** True when the database answers a trivial query: the readiness probe. */
export const isDatabaseReachable = async (database: Database, timeoutMs = READINESS_TIMEOUT_MS): Promise<boolean> => {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([database.dataSource.query("SELECT 1").then(() => true), gaveUp]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
};

/**
 * SQLite refuses statements with more than 32,766 bound parameters; a few thousand per statement
 * is already past the point where bigger statements stop paying off on either engine.
 */
const MAX_PARAMETERS_PER_STATEMENT = 32_766;

/**
 * Inserts rows with multi-row INSERT statements of at most `rowsPerStatement` rows each, through
 * the given manager (so inside its transaction when it has one). Values are bound, never inlined.
 */
export const insertRows = async (
  manager: EntityManager,
  table: string,
  columns: readonly string[],
  rows: ReadonlyArray<readonly unknown[]>,
  rowsPerStatement = 500,
): Promise<void> => {
  if (rowsPerStatement * columns.length > MAX_PARAMETERS_PER_STATEMENT) {
    throw new RangeError(
      `${rowsPerStatement} rows of ${columns.length} columns exceed SQLite's ${MAX_PARAMETERS_PER_STATEMENT} parameters per statement`,
    );
  }
  const { driver } = manager.connection;
  const head = `INSERT INTO ${driver.escape(table)} (${columns.map((column) => driver.escape(column)).join(", ")}) VALUES `;
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const chunk = rows.slice(start, start + rowsPerStatement);
    const parameters: unknown[] = [];
    for (const row of chunk) {
      if (row.length !== columns.length) {
        throw new Error(`A row for ${table} has ${row.length} values for ${columns.length} columns`);
      }
      parameters.push(...row);
    }
    await manager.query(head + new Array(chunk.length).fill(tuple).join(", "), parameters);
  }
};
