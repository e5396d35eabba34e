import { AsyncLocalStorage } from "node:async_hooks";

type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

interface LogScope {
  requestId?: string;
}

/** Carries the gateway's request id through every await of one request, into every log line. */
export const logScope = new AsyncLocalStorage<LogScope>();

let serviceName = "hub";
let threshold: number = ORDER.info;

export const configureLogger = (service: string, level: Level = "info"): void => {
  serviceName = service;
  threshold = ORDER[level];
};

const write = (level: Level, message: string, fields?: Record<string, unknown>): void => {
  if (ORDER[level] < threshold) return;
  const line = JSON.stringify({
    time: new Date().toISOString(),
    level,
    service: serviceName,
    requestId: logScope.getStore()?.requestId,
    msg: message,
    ...fields,
  });
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(`${line}\n`);
};

/** Structured JSON logs, one object a line. */
export const log = {
  debug: (message: string, fields?: Record<string, unknown>) => write("debug", message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write("info", message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write("warn", message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write("error", message, fields),
};
