import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { twoButtonFlow } from "@convo/flow/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../../api/client";
import { createEditor } from "../../store/editor-store";
import { createVersionView } from "../versions/view";
import { createAutosave } from "./autosave";

// The browser globals autosave uses, in Node: window events and a localStorage.
const storage = new Map<string, string>();
Object.assign(globalThis, {
  window: new EventTarget(),
  localStorage: {
    getItem: (key: string) => storage.get(key) ?? null,
    setItem: (key: string, value: string) => storage.set(key, value),
    removeItem: (key: string) => storage.delete(key),
  },
});

/** A runtime's draft route, for real: PUT /api/flows/:id answers the next revision. */
let server: Server;
let base = "";
let saves = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      saves++;
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ revision: saves + 1, updatedAt: new Date().toISOString() }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("autosave", () => {
  it("says saved again when undo and redo come back to what was saved", async () => {
    const flow = twoButtonFlow();
    const editor = createEditor(flow);
    const autosave = createAutosave(editor, new ApiClient("token", base), flow.id, {
      revision: 1,
      saved: flow,
    });
    try {
      editor.setNodeField("reply", ["data", "content", 0, "text"], "Changed", "reply:text");
      expect(await autosave.flush()).toBe(true);
      editor.undo();
      expect(autosave.state.getState().status).toBe("pending");
      editor.redo();
      // The document on screen is the one the runtime has: nothing is waiting to be saved.
      expect(autosave.state.getState().status).toBe("saved");
      expect(await autosave.flush()).toBe(true);
    } finally {
      autosave.dispose();
    }
  });

  it("sends a change not saved yet when the editor closes, and keeps it on the device meanwhile", async () => {
    const flow = twoButtonFlow();
    const editor = createEditor(flow);
    const autosave = createAutosave(editor, new ApiClient("token", base), flow.id, {
      revision: 1,
      saved: flow,
    });
    const before = saves;
    editor.setNodeField("reply", ["data", "content", 0, "text"], "Closing now", "reply:text");
    expect(autosave.state.getState().status).toBe("pending");
    autosave.dispose();
    // Kept at once (a reload before the answer finds it), sent without waiting for the debounce.
    expect([...storage.values()].some((v) => v.includes("Closing now"))).toBe(true);
    await expect.poll(() => autosave.state.getState().status).toBe("saved");
    expect(saves).toBe(before + 1);
    expect([...storage.values()].some((v) => v.includes("Closing now"))).toBe(false);
  });

  it("neither marks nor sends anything while a published version is on screen", async () => {
    const flow = twoButtonFlow();
    const editor = createEditor(flow);
    const autosave = createAutosave(editor, new ApiClient("token", base), flow.id, {
      revision: 1,
      saved: flow,
    });
    const view = createVersionView(editor);
    try {
      const before = saves;
      const old = twoButtonFlow();
      old.nodes = old.nodes.slice(0, 2);
      view.show(old, 1);
      expect(editor.store.getState().flow).toBe(old);
      expect(autosave.state.getState().status).toBe("saved");
      expect(await autosave.flush()).toBe(false);
      view.close();
      // The draft is back as it was, still saved, and the runtime heard nothing meanwhile.
      expect(editor.store.getState().flow).toBe(flow);
      expect(autosave.state.getState().status).toBe("saved");
      expect(await autosave.flush()).toBe(true);
      expect(saves).toBe(before);
    } finally {
      autosave.dispose();
    }
  });
});
