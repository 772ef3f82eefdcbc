import type { Flow } from "@convo/flow";
import { describe, expect, it } from "vitest";
import { type StoreHarness, T, useStore } from "./harness";

const flow = (id: string, name = id): Flow =>
  ({ schemaVersion: 2, id, name, languages: ["en"], variables: [], nodes: [], edges: [] }) as Flow;

/** Flows: drafts with revisions, versions published from them; settings beside them. */
export function flowContract(makeHarness: () => StoreHarness) {
  const s = useStore(makeHarness);

  describe("flows", () => {
    it("creates a flow once, unless told to overwrite it", async () => {
      const { flows } = s.store;
      expect(await flows.create(flow("a", "First"), T)).toBe(true);
      expect(await flows.create(flow("a", "Again"), T + 1)).toBe(false);
      expect(await flows.get("a")).toMatchObject({ name: "First", revision: 1, createdAt: T });
      expect(await flows.create(flow("a", "Over"), T + 2, true)).toBe(true);
      expect(await flows.get("a")).toMatchObject({ name: "Over", revision: 2, updatedAt: T + 2 });
      expect(await flows.get("nope")).toBeUndefined();
    });

    it("reads a flow saved in format version 1 as the current version, meaning the same", async () => {
      const { flows } = s.store;
      const { languages: _, ...old } = flow("old");
      await flows.create({ ...old, schemaVersion: 1 } as unknown as Flow, T);
      expect((await flows.get("old"))?.draft).toEqual(flow("old"));
      await flows.publish(
        "old",
        { ...old, schemaVersion: 1 } as unknown as Flow,
        "",
        "test",
        T + 1,
      );
      expect((await flows.version("old", 1))?.flow).toEqual(flow("old"));
    });

    it("saves a draft at the expected revision only", async () => {
      const { flows } = s.store;
      await flows.create(flow("b"), T);
      expect(await flows.saveDraft("b", flow("b", "B2"), 1, T + 1)).toEqual({
        ok: true,
        revision: 2,
        updatedAt: T + 1,
      });
      expect(await flows.saveDraft("b", flow("b", "stale"), 1, T + 2)).toEqual({
        ok: false,
        current: { revision: 2, updatedAt: T + 1 },
      });
      expect(await flows.saveDraft("b", flow("b", "any"), undefined, T + 3)).toMatchObject({
        ok: true,
        revision: 3,
      });
      expect(await flows.saveDraft("none", flow("none"), undefined, T)).toBeUndefined();
      expect((await flows.get("b"))?.draft.name).toBe("any");
    });

    it("lists flows most recently changed first", async () => {
      const { flows } = s.store;
      await flows.create(flow("old"), T);
      await flows.create(flow("new"), T + 5);
      expect((await flows.list()).map((f) => f.id)).toEqual(["new", "old"]);
    });

    it("lists flows changed in the same millisecond in one order, load after load (by id)", async () => {
      const { flows } = s.store;
      for (const id of ["b", "d", "a", "c"]) await flows.create(flow(id), T);
      expect((await flows.list()).map((f) => f.id)).toEqual(["d", "c", "b", "a"]);
      expect((await flows.summaries()).map((f) => f.id)).toEqual(["d", "c", "b", "a"]);
    });

    it("summarises the list without the drafts: the same rows, each with its draft's step count", async () => {
      const { flows } = s.store;
      const step = (id: string) =>
        ({
          id,
          type: "note",
          position: { x: 0, y: 0 },
          data: { text: id },
        }) as Flow["nodes"][number];
      const big = { ...flow("big"), nodes: [step("one"), step("two")] };
      await flows.create(flow("small"), T);
      await flows.create(big, T + 5);
      await flows.publish("small", flow("small", "v1"), "", "admin", T + 6);
      await flows.setPaused("small", T + 7);
      const listed = await flows.list();
      const summaries = await flows.summaries();
      expect(summaries).toEqual(
        listed.map(({ draft, ...rest }) => ({ ...rest, nodeCount: draft.nodes.length })),
      );
      expect(summaries.map((f) => [f.id, f.nodeCount])).toEqual([
        ["big", 2],
        ["small", 0],
      ]);
      expect(summaries[1]).toMatchObject({ publishedVersion: 1, pausedAt: T + 7 });
      expect(summaries[0]).not.toHaveProperty("draft");
    });

    it("publishes numbered versions; the newest of each flow is the published one", async () => {
      const { flows } = s.store;
      await flows.create(flow("c"), T);
      await flows.create(flow("d"), T);
      expect(await flows.publish("c", flow("c", "v1"), "first", "admin", T + 1)).toBe(1);
      await flows.saveDraft("c", flow("c", "draft"), undefined, T + 2);
      expect(await flows.publish("c", flow("c", "v2"), "", "admin", T + 3)).toBe(2);
      expect(await flows.get("c")).toMatchObject({
        publishedVersion: 2,
        publishedAt: T + 3,
        publishedRevision: 2,
      });
      expect(await flows.get("d")).toMatchObject({
        publishedVersion: null,
        publishedRevision: null,
      });
      expect(await flows.versions("c")).toEqual([
        { flowId: "c", version: 2, note: "", publishedAt: T + 3, publishedBy: "admin" },
        { flowId: "c", version: 1, note: "first", publishedAt: T + 1, publishedBy: "admin" },
      ]);
      expect((await flows.version("c", 1))?.flow.name).toBe("v1");
      expect(await flows.version("c", 9)).toBeUndefined();
      const published = await flows.published();
      expect(published.map((v) => [v.flowId, v.version, v.flow.name])).toEqual([["c", 2, "v2"]]);
    });

    it("pauses a published flow without losing it; resuming or republishing makes it live", async () => {
      const { flows } = s.store;
      await flows.create(flow("p"), T);
      await flows.publish("p", flow("p", "v1"), "", "admin", T + 1);
      expect(await flows.setPaused("p", T + 2)).toBe(true);
      expect(await flows.setPaused("none", T + 2)).toBe(false);
      expect(await flows.get("p")).toMatchObject({ pausedAt: T + 2, publishedVersion: 1 });
      expect((await flows.published()).map((v) => [v.flowId, v.paused])).toEqual([["p", true]]);
      expect(await flows.versions("p")).toHaveLength(1);
      expect(await flows.setPaused("p", null)).toBe(true);
      expect((await flows.get("p"))?.pausedAt).toBeNull();
      expect((await flows.published()).map((v) => [v.flowId, v.paused])).toEqual([["p", false]]);
      await flows.setPaused("p", T + 3);
      await flows.publish("p", flow("p", "v2"), "", "admin", T + 4);
      expect((await flows.get("p"))?.pausedAt).toBeNull();
      expect((await flows.published()).map((v) => [v.version, v.paused])).toEqual([[2, false]]);
    });

    it("deletes a flow with its versions", async () => {
      const { flows } = s.store;
      await flows.create(flow("e"), T);
      await flows.publish("e", flow("e"), "", "admin", T);
      expect(await flows.delete("e")).toBe(true);
      expect(await flows.delete("e")).toBe(false);
      expect(await flows.published()).toEqual([]);
      expect(await flows.versions("e")).toEqual([]);
    });
  });

  describe("settings", () => {
    it("keeps a value per key, replaced when set again", async () => {
      const { settings } = s.store;
      expect(await settings.get("k")).toBeUndefined();
      await settings.set("k", "one");
      await settings.set("k", "two");
      expect(await settings.get("k")).toBe("two");
    });

    it("keeps the first value set if absent, and says which is kept", async () => {
      const { settings } = s.store;
      const both = await Promise.all([
        settings.setIfAbsent("t", "a"),
        settings.setIfAbsent("t", "b"),
      ]);
      expect(both[0]).toBe(both[1]);
      expect(await settings.get("t")).toBe(both[0]);
      await settings.set("t", "c");
      expect(await settings.setIfAbsent("t", "d")).toBe("c");
    });
  });
}
