import { ConfigError } from "../kit/config";
import { loadCivilStatusConfig } from "./config";

describe("civil-status > config", () => {
  it("replays a day from CLOCK_START in development", () => {
    const config = loadCivilStatusConfig({ NODE_ENV: "development", CLOCK_START: "2026-07-01T08:30:00+07:00" });
    expect(config.clockStart?.toISOString()).toBe("2026-07-01T01:30:00.000Z");
  });

  it("keeps the real time in production: CLOCK_START there is a start-up error naming it", () => {
    const production = {
      NODE_ENV: "production",
      DATABASE_URL: "mysql://civil:secret@db:3306/hub_civil_status",
      HANDOFF_PUBLIC_KEY_FILE: "/run/secrets/handoff-public.pem",
      EVENT_CONSUMER_KEYS: "registry=/run/secrets/registry-service-public.pem",
      CLOCK_START: "2026-07-01T08:30:00+07:00",
    };
    expect(() => loadCivilStatusConfig(production)).toThrow(ConfigError);
    expect(() => loadCivilStatusConfig(production)).toThrow(/CLOCK_START/);
    expect(loadCivilStatusConfig({ ...production, CLOCK_START: "" }).clockStart).toBeUndefined();
  });
});
