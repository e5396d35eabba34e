import { createParameterisedLoader } from "./batch-loader";

describe("kit > createParameterisedLoader", () => {
  it("shares one load among requests that differ only in their key, and keeps each answer in its place", async () => {
    // A dashboard asks three communes' figures for one period and one commune's for another.
    const calls: { period: string; keys: string[] }[] = [];
    const loader = createParameterisedLoader<{ key: string; period: string }, string>(
      async ({ period }, keys) => {
        calls.push({ period, keys });
        return new Map(keys.filter((key) => key !== "99999").map((key) => [key, `${key}@${period}`]));
      },
      ({ key }) => `none for ${key}`,
    );
    const answers = await Promise.all([
      loader.load({ key: "10369", period: "2026-07" }),
      loader.load({ key: "00070", period: "2026-07" }),
      loader.load({ key: "10369", period: "2026-06" }),
      loader.load({ key: "99999", period: "2026-07" }),
      loader.load({ key: "10369", period: "2026-07" }),
    ]);
    expect(answers).toEqual(["10369@2026-07", "00070@2026-07", "10369@2026-06", "none for 99999", "10369@2026-07"]);
    expect(calls).toEqual([
      { period: "2026-07", keys: ["10369", "00070", "99999"] },
      { period: "2026-06", keys: ["10369"] },
    ]);
  });
});
