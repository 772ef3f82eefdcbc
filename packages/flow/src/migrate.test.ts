import { describe, expect, it } from "vitest";
import { type Migration, migrateFlow } from "./migrate";
import { smallFlow } from "./testing";

describe("migrateFlow", () => {
  it("leaves a current document as it is", () => {
    const flow = smallFlow();
    expect(migrateFlow(flow)).toEqual({ ok: true, document: flow });
  });

  it("runs the chain one version at a time up to the target, and says where it started", () => {
    // A pretend future: version 2 renamed `name` to `title`, version 3 added `locale`.
    const chain: Record<number, Migration> = {
      1: ({ name, ...rest }) => ({ ...rest, title: name }),
      2: (doc) => ({ ...doc, locale: "fr_FR" }),
    };
    const result = migrateFlow({ schemaVersion: 1, name: "Old" }, chain, 3);
    expect(result).toEqual({
      ok: true,
      from: 1,
      document: { schemaVersion: 3, title: "Old", locale: "fr_FR" },
    });
    expect(migrateFlow({ schemaVersion: 2, title: "Mid" }, chain, 3)).toEqual({
      ok: true,
      from: 2,
      document: { schemaVersion: 3, title: "Mid", locale: "fr_FR" },
    });
  });

  it("refuses files from a newer Convo, a missing step in the chain, and non-flows", () => {
    expect(migrateFlow({ schemaVersion: 7 })).toEqual({
      ok: false,
      error:
        "This flow was made by a newer Convo (schema version 7); this one reads up to version 2.",
    });
    expect(migrateFlow({ schemaVersion: 1 }, {}, 2)).toEqual({
      ok: false,
      error: "No migration from schema version 1 to 2.",
    });
    expect(migrateFlow("flow").ok).toBe(false);
    expect(migrateFlow({ schemaVersion: "1" }).ok).toBe(false);
    expect(migrateFlow({ schemaVersion: 0 }).ok).toBe(false);
  });

  it("reports a migration that throws instead of throwing", () => {
    const chain: Record<number, Migration> = {
      1: () => {
        throw new Error("bad data");
      },
    };
    expect(migrateFlow({ schemaVersion: 1 }, chain, 2)).toEqual({
      ok: false,
      error: "Could not migrate from version 1: bad data",
    });
  });
});
