import { clockStartingAt, parseClockStart } from "./clock";
import { ConfigError } from "./config";

describe("kit > clock", () => {
  it("starts at the given instant and runs at the real rate", () => {
    // A desk's day replayed: 1 July 2026, 08:30 in Hà Nội, while the machine's clock says November.
    let real = Date.parse("2026-11-27T19:00:00Z");
    const clock = clockStartingAt(new Date("2026-07-01T01:30:00Z"), () => new Date(real));
    expect(clock().toISOString()).toBe("2026-07-01T01:30:00.000Z");
    real += 90_000;
    expect(clock().toISOString()).toBe("2026-07-01T01:31:30.000Z");
  });

  it.each([
    ["2026-07-01T08:30:00+07:00", "2026-07-01T01:30:00.000Z"],
    ["2026-07-01T01:30Z", "2026-07-01T01:30:00.000Z"],
    ["2026-07-01T01:30:00.250Z", "2026-07-01T01:30:00.250Z"],
  ])("reads CLOCK_START %s", (raw, instant) => {
    expect(parseClockStart(raw).toISOString()).toBe(instant);
  });

  it.each(["2026-07-01", "2026-07-01T08:30:00", "1 July 2026", "2026-13-01T00:00:00Z"])(
    "refuses CLOCK_START %s: an instant needs a time and an offset",
    (raw) => {
      expect(() => parseClockStart(raw)).toThrow(ConfigError);
    },
  );
});
