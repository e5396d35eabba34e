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

/** Marks a first start's bulk load: its statements are slow by nature and not reported as slow. */
const bulkWork = new AsyncLocalStorage<true>();

/** Runs `work` as a bulk load (a seed): its slow statements (index builds, the commit) are expected. */
export const inBulkLoad = <T>(work: () => Promise<T>): Promise<T> => bulkWork.run(true, work);

/** A first start's seed under way: how many rows it has written (insertRows), for its progress lines. */
interface SeedProgress {
  what: string;
  started: number;
  rows: number;
  lastLine: number;
}
const seedProgress = new AsyncLocalStorage<SeedProgress>();

/** A seed under way logs a progress line this often (at its next insert: on SQLite inserts block the loop). */
const SEED_PROGRESS_EVERY_MS = 10_000;

const rowsPerSecond = (progress: SeedProgress, now: number) =>
  Math.round((progress.rows * 1000) / Math.max(1, now - progress.started));

/**
 * Runs a first start's seed with a progress display: every 10 s a log line with the rows written so
 * far, the table being loaded and the rate; at the end the rows, the time and the mean rate. A city's
 * seed writes tens of millions of rows, and whoever waits for it sees it advance and how fast.
 */
export const withSeedProgress = async <T>(what: string, seed: () => Promise<T>): Promise<T> => {
  const progress: SeedProgress = { what, started: Date.now(), rows: 0, lastLine: Date.now() };
  log.info("seeding", { what });
  const result = await seedProgress.run(progress, seed);
  const now = Date.now();
  log.info("seeded", {
    what,
    rows: progress.rows,
    seconds: Math.round((now - progress.started) / 100) / 10,
    rowsPerSecond: rowsPerSecond(progress, now),
  });
  return result;
};

/** Counts rows a seed wrote, and logs its progress line when one is due. */
const noteRowsWritten = (table: string, count: number): void => {
  const progress = seedProgress.getStore();
  if (!progress) return;
  progress.rows += count;
  const now = Date.now();
  if (now - progress.lastLine < SEED_PROGRESS_EVERY_MS) return;
  progress.lastLine = now;
  log.info("seeding", {
    what: progress.what,
    table,
    rows: progress.rows,
    seconds: Math.round((now - progress.started) / 1000),
    rowsPerSecond: rowsPerSecond(progress, now),
  });
};

/** Connections each service keeps to MySQL at most. */
export const MYSQL_POOL_SIZE = 10;

/** A statement that only reads. */
const READ_ONLY = /^\s*(SELECT|WITH)\b/i;

/**
 * Counts every SQL statement the service sends, so tests and benchmarks can assert that an
 * operation costs a constant number of statements however long its lists are. Statements of
 * background work (`inBackground`) are counted in `background`, not in `total`.
 */
export class StatementCounter implements Logger {
  total = 0;
  background = 0;
  /**
   * Statements that may change what a read sees (anything but a SELECT: writes, and the COMMIT that
   * makes them visible), requests' and background work's alike: sharedQuery's generation.
   */
  changes = 0;
  /** Reads that joined an identical statement already running instead of sending their own (sharedQuery). */
  shared = 0;
  /** Sees each request statement with its parameters: tests read which statements a path runs (EXPLAIN). */
  listener?: (query: string, parameters?: readonly unknown[]) => void;

  private count(query: string): void {
    if (backgroundWork.getStore()) this.background += 1;
    else this.total += 1;
    if (!READ_ONLY.test(query)) this.changes += 1;
  }

  logQuery(query: string, parameters?: unknown[], _runner?: QueryRunner): void {
    this.count(query);
    if (this.listener && !backgroundWork.getStore()) this.listener(query, parameters);
  }
  logQueryError(error: string | Error, query: string): void {
    this.count(query);
    log.warn("sql statement failed", { error: String(error), query: query.slice(0, 300) });
  }
  logQuerySlow(time: number, query: string): void {
    if (bulkWork.getStore()) return;
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
      extra: { connectionLimit: MYSQL_POOL_SIZE },
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
  // A COMMIT is counted as a change when it is sent and again once it is done (sharedQuery): a read
  // that started while it ran may not see it, and is not shared with one that comes after.
  dataSource.subscribers.push({
    afterTransactionCommit: () => {
      statements.changes += 1;
    },
  });
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
export const sqlInstant = (at: Date): string => {
  const iso = at.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, iso.length - 1)}`;
};

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

/** What insertRows needs of a better-sqlite3 connection: prepared statements that take an array of values. */
interface SqliteConnection {
  prepare(sql: string): { run(values: readonly unknown[]): unknown };
}

/** The embedded database's one connection, or undefined on MySQL. */
const sqliteConnectionOf = (manager: EntityManager): SqliteConnection | undefined =>
  manager.connection.options.type === "better-sqlite3"
    ? ((manager.connection.driver as unknown as { databaseConnection?: SqliteConnection }).databaseConnection ??
      undefined)
    : undefined;

/** A read-only statement sent lately that others may share (sharedQuery), by statement and values. */
interface SharedRead {
  /** StatementCounter.changes when it was sent. */
  changes: number;
  sentAt: number;
  done: boolean;
  rows: Promise<unknown>;
}
const sharedReads = new WeakMap<DataSource, Map<string, SharedRead>>();

/** How long after it was sent a read's rows may still be shared once it has answered, in ms. */
export const SHARE_READS_FOR_MS = 1000;

/**
 * Runs a read-only statement, or shares the rows of the same statement with the same values sent
 * on this database while it runs or within the second since it was sent (request coalescing):
 * fifty officers opening the city's dashboard for the same month at once cost its aggregates once,
 * not fifty times over. On SQLite a statement blocks the service while it runs, so only this
 * second's sharing helps there. A caller shares only if nothing that may change data (a write, a
 * COMMIT sent or done) has happened on this database since the statement was sent, so it never
 * gets figures older than a write it has seen this service acknowledge; a write acknowledged by
 * another process on the same database (a second replica of the service) may be a second late.
 * Statements whose answer depends on the time must carry it among their values. The rows are
 * shared between the callers: they must not change them. Inside a transaction the statement runs
 * on its own.
 */
export const sharedQuery = async <T>(
  manager: EntityManager,
  sql: string,
  parameters: readonly unknown[],
): Promise<T> => {
  const counter = manager.connection.logger;
  if (manager.queryRunner || !(counter instanceof StatementCounter)) {
    return (await manager.query(sql, [...parameters])) as T;
  }
  let recent = sharedReads.get(manager.connection);
  if (!recent) sharedReads.set(manager.connection, (recent = new Map()));
  const key = `${sql}\u0000${JSON.stringify(parameters)}`;
  const joined = recent.get(key);
  if (
    joined &&
    joined.changes === counter.changes &&
    (!joined.done || Date.now() - joined.sentAt < SHARE_READS_FOR_MS)
  ) {
    counter.shared += 1;
    return (await joined.rows) as T;
  }
  const read: SharedRead = {
    changes: counter.changes,
    sentAt: Date.now(),
    done: false,
    rows: manager.query(sql, [...parameters]),
  };
  recent.set(key, read);
  const forget = () => {
    if (recent.get(key) === read) recent.delete(key);
  };
  try {
    return (await read.rows) as T;
  } catch (error) {
    forget();
    throw error;
  } finally {
    read.done = true;
    setTimeout(forget, SHARE_READS_FOR_MS).unref();
  }
};

/**
 * Inserts rows with multi-row INSERT statements of at most `rowsPerStatement` rows each, through
 * the given manager (so inside its transaction when it has one). Values are bound, never inlined.
 * On SQLite the statement is prepared once and run on the connection directly with one reused
 * array of values: TypeORM's path copies and spreads every statement's values and wraps each run in
 * events, which costs more than SQLite's insert itself when a seed loads millions of rows. The
 * statements are still counted.
 */
export const insertRows = async (
  manager: EntityManager,
  table: string,
  columns: readonly string[],
  rows: ReadonlyArray<readonly unknown[]>,
  rowsPerStatement = 500,
): Promise<void> =>
  writeRows(manager, table, columns, rows.length, rowsPerStatement, (values, first, count) => {
    let at = 0;
    for (let index = first; index < first + count; index += 1) {
      const row = rows[index];
      if (row.length !== columns.length) {
        throw new Error(`A row for ${table} has ${row.length} values for ${columns.length} columns`);
      }
      for (const value of row) values[at++] = value;
    }
  });

/**
 * insertRows for rows laid end to end in one array (`columns.length` values a row): a bulk load of
 * millions of rows then builds no array per row.
 */
export const insertFlatRows = async (
  manager: EntityManager,
  table: string,
  columns: readonly string[],
  values: readonly unknown[],
  rowsPerStatement = 500,
): Promise<void> => {
  if (values.length % columns.length !== 0) {
    throw new Error(`${values.length} values for ${table} do not make rows of ${columns.length} columns`);
  }
  const width = columns.length;
  await writeRows(manager, table, columns, values.length / width, rowsPerStatement, (chunk, first, count) => {
    for (let at = 0, from = first * width; at < count * width; at += 1, from += 1) chunk[at] = values[from];
  });
};

/** The statements of insertRows: `fill` puts `count` rows from row `first` into the statement's values. */
const writeRows = async (
  manager: EntityManager,
  table: string,
  columns: readonly string[],
  rowCount: number,
  rowsPerStatement: number,
  fill: (values: unknown[], first: number, count: number) => void,
): Promise<void> => {
  if (rowsPerStatement * columns.length > MAX_PARAMETERS_PER_STATEMENT) {
    throw new RangeError(
      `${rowsPerStatement} rows of ${columns.length} columns exceed SQLite's ${MAX_PARAMETERS_PER_STATEMENT} parameters per statement`,
    );
  }
  const { driver, logger } = manager.connection;
  const head = `INSERT INTO ${driver.escape(table)} (${columns.map((column) => driver.escape(column)).join(", ")}) VALUES `;
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  const statementFor = (count: number) => head + new Array(count).fill(tuple).join(", ");
  const fullSql = rowCount >= rowsPerStatement ? statementFor(rowsPerStatement) : "";
  const sqlite = sqliteConnectionOf(manager);
  const full = sqlite && fullSql ? sqlite.prepare(fullSql) : undefined;
  const values: unknown[] = [];
  for (let first = 0; first < rowCount; first += rowsPerStatement) {
    const count = Math.min(rowsPerStatement, rowCount - first);
    values.length = count * columns.length;
    fill(values, first, count);
    const sql = count === rowsPerStatement ? fullSql : statementFor(count);
    if (!sqlite) {
      await manager.query(sql, values);
      noteRowsWritten(table, count);
      continue;
    }
    // better-sqlite3 binds no booleans: 0 and 1, as TypeORM sends them.
    for (let at = 0; at < values.length; at += 1) {
      if (typeof values[at] === "boolean") values[at] = Number(values[at]);
    }
    logger.logQuery(sql, undefined, manager.queryRunner);
    try {
      (count === rowsPerStatement && full ? full : sqlite.prepare(sql)).run(values);
    } catch (error) {
      logger.logQueryError(error as Error, sql, undefined, manager.queryRunner);
      throw new QueryFailedError(sql, undefined, error as Error);
    }
    noteRowsWritten(table, count);
  }
};

/**
 * Runs a first start's bulk load (a seed) in one transaction, as a bulk load (inBulkLoad). On
 * SQLite the database leaves WAL mode for it: in WAL mode each page of a load of a gigabyte is
 * written twice, into the log and then, at the checkpoint after the commit, into the database
 * (seconds of the first start), while a rollback journal only keeps the few pages that existed
 * before. The load is as atomic either way (after a crash the journal rolls the database back to
 * empty, and the next start seeds it again), and WAL mode is back before the service listens.
 */
export const bulkLoad = <T>(dataSource: DataSource, load: (manager: EntityManager) => Promise<T>): Promise<T> =>
  inBulkLoad(async () => {
    const sqlite = dataSource.options.type === "better-sqlite3";
    if (sqlite) await dataSource.query("PRAGMA journal_mode = DELETE");
    try {
      return await dataSource.transaction(load);
    } finally {
      if (sqlite) await dataSource.query("PRAGMA journal_mode = WAL");
    }
  });

/**
 * Runs a bulk load (a first start's seed) with the secondary indexes of `tables` built once at the
 * end instead of row by row. On SQLite an index fed keys in random order (applicants, dossier codes
 * of every commune received the same day) costs several times the insert itself, while building it
 * from the loaded table sorts once: the demo seed's dossiers and history load about five times
 * faster. The indexes come back with the statements that made them, so the schema ends as the
 * migrations left it; SQLite runs DDL inside the caller's transaction, so a load that fails rolls
 * back to the indexes it found. MySQL commits on DDL, so there the load runs with its indexes.
 */
export const withIndexesBuiltAfter = async <T>(
  manager: EntityManager,
  tables: readonly string[],
  load: () => Promise<T>,
): Promise<T> => {
  if (manager.connection.options.type !== "better-sqlite3" || tables.length === 0) return load();
  // Automatic indexes (primary keys, UNIQUE constraints) have no statement and stay.
  const indexes = (await manager.query(
    `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => "?").join(", ")}) ORDER BY name`,
    [...tables],
  )) as { name: string; sql: string }[];
  for (const { name } of indexes) await manager.query(`DROP INDEX ${manager.connection.driver.escape(name)}`);
  const rebuild = async () => {
    for (const { sql } of indexes) await manager.query(sql);
  };
  let result: T;
  try {
    result = await load();
  } catch (error) {
    // In a transaction the rollback brings the indexes back; a load committed in batches gets
    // them built now, so that a failed load still leaves the schema whole.
    if (!manager.queryRunner?.isTransactionActive) {
      await rebuild().catch((rebuildError: unknown) =>
        log.error("indexes not rebuilt after a failed bulk load", { tables, error: String(rebuildError) }),
      );
    }
    throw error;
  }
  await rebuild();
  return result;
};
