/**
 * Settings are declared once per process, read from the environment once at start and validated
 * there, failing fast with the setting's name. No other module reads process.env.
 */
export interface Setting<T> {
  name: string;
  description: string;
  /** Used when the variable is unset outside production; `undefined` means required everywhere. */
  devDefault?: string;
  /** Required in production even when a development default exists. */
  requiredInProduction?: boolean;
  /** Optional everywhere: absence yields `undefined`. */
  optional?: boolean;
  parse: (raw: string) => T;
}

export class ConfigError extends Error {}

export const setting = <T = string>(spec: Omit<Setting<T>, "parse"> & { parse?: (raw: string) => T }): Setting<T> => ({
  parse: (raw: string) => raw as unknown as T,
  ...spec,
});

export const parsePort = (raw: string): number => {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`not a TCP port: ${raw}`);
  return port;
};

export const parsePositiveInt = (raw: string): number => {
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new ConfigError(`not a positive whole number: ${raw}`);
  return value;
};

export const parseOneOf =
  <T extends string>(...allowed: T[]) =>
  (raw: string): T => {
    if (!(allowed as string[]).includes(raw)) throw new ConfigError(`must be one of ${allowed.join(", ")}, got ${raw}`);
    return raw as T;
  };

type Values<S extends Record<string, Setting<unknown>>> = {
  [K in keyof S]: S[K] extends Setting<infer T> ? (S[K]["optional"] extends true ? T | undefined : T) : never;
};

export const isProduction = (env: NodeJS.ProcessEnv): boolean => env.NODE_ENV === "production";

/** Reads and validates every setting; throws one ConfigError naming each bad or missing setting. */
export const loadConfig = <S extends Record<string, Setting<unknown>>>(
  settings: S,
  env: NodeJS.ProcessEnv = process.env,
): Values<S> => {
  const production = isProduction(env);
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(settings)) {
    const raw = env[spec.name];
    if (raw === undefined || raw === "") {
      if (spec.optional) {
        values[key] = undefined;
      } else if (spec.devDefault !== undefined && !(production && spec.requiredInProduction)) {
        values[key] = spec.parse(spec.devDefault);
      } else {
        problems.push(`${spec.name} is required${production ? " in production" : ""}: ${spec.description}`);
      }
      continue;
    }
    try {
      values[key] = spec.parse(raw);
    } catch (error) {
      problems.push(`${spec.name}: ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  return values as Values<S>;
};
