import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describeStoreContract } from "../contract";
import type { Store } from "../store";
import { SqliteStore } from "./sqlite-store";

/** Each store on a file of its own, in a folder removed with it. */
describeStoreContract("SQLite", () => {
  const dir = mkdtempSync(join(tmpdir(), "convo-store-"));
  const file = join(dir, "convo.db");
  return {
    open: async (now) => new SqliteStore(file, now),
    reopen: async (store: Store, now) => {
      await store.close();
      return new SqliteStore(file, now);
    },
    dispose: async (store: Store) => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
