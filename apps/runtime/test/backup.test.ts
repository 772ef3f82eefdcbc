import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningGraphEmulator, startGraphEmulator } from "@convo/messenger";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDatabase } from "../src/store/sqlite/backup";
import { useEchoFlow } from "./echo-flow";
import { startRuntime, type TestRuntime } from "./helpers";
import { APP_SECRET, PAGE_TOKEN, postWebhook, textItem, waitFor, webhookBody } from "./messenger";
import { FROM_BUILD } from "./serve";

/** `convo <args>` from the production build; its exit code and what it printed. */
function convo(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...FROM_BUILD, ...args],
      { cwd: join(import.meta.dirname, "..") },
      (error, stdout, stderr) => {
        const code = error ? ((error as { code?: number }).code ?? 1) : 0;
        resolve({ code: typeof code === "number" ? code : 1, stdout, stderr });
      },
    );
  });
}

/** Rows of one query on a database file, opened read-only and closed. */
function query<T>(file: string, sql: string): T {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).pluck().get() as T;
  } finally {
    db.close();
  }
}

let graph: RunningGraphEmulator;
let rt: TestRuntime;
let dir: string;
let db: string;
/** A runtime answering to the Graph API emulator; another folder than the default is the restore's. */
const start = (folder?: string) =>
  startRuntime(
    {
      MESSENGER_APP_SECRET: APP_SECRET,
      MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
      GRAPH_API_URL: graph.url,
    },
    folder,
  );

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "convo-backup-"));
  graph = await startGraphEmulator({ appSecret: APP_SECRET, pageToken: PAGE_TOKEN });
  rt = await start();
  db = join(rt.dir, "convo.db");
  await useEchoFlow(rt.api);
});
afterAll(async () => {
  await rt?.stop();
  await graph?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("convo backup", () => {
  it("copies the database during a webhook burst: the copy opens, is whole, and is one moment", async () => {
    const copy = join(dir, "during-burst.db");
    let sent = 0;
    let refused = 0;
    let bursting = true;
    // Twenty contacts writing all the time, until the backup is done.
    const burst = Array.from({ length: 20 }, async (_, c) => {
      while (bursting) {
        const response = await postWebhook(rt.url, webhookBody([textItem(`b${c}`, `hi ${sent}`)]));
        if (response.status === 200) sent++;
        else refused++;
      }
    });
    await waitFor(() => (sent >= 100 ? true : undefined), "the burst to start");
    const result = await convo(["backup", copy, "--db", db]);
    bursting = false;
    await Promise.all(burst);

    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/backed up .* integrity ok/);
    expect(refused).toBe(0);
    const summary = checkDatabase(copy);
    expect(summary.flows).toBe(1);
    // Taken while webhooks were answered: some are in it, the later ones are not.
    expect(summary.inbox).toBeGreaterThanOrEqual(100);
    expect(summary.inbox).toBeLessThan(query<number>(db, "SELECT count(*) FROM inbox"));
    // One moment: each event the copy holds as stepped has its step's writes in the copy too
    // (they are one transaction), and every reply queued has its transcript line.
    const stepped = query<number>(copy, "SELECT count(*) FROM inbox WHERE status = 'done'");
    expect(stepped).toBeGreaterThan(0);
    expect(
      query<number>(copy, "SELECT count(*) FROM transcript WHERE direction = 'in'"),
    ).toBeGreaterThanOrEqual(stepped);
    expect(
      query<number>(
        copy,
        "SELECT count(*) FROM outbox o WHERE NOT EXISTS (SELECT 1 FROM transcript t WHERE t.outbox_id = o.id)",
      ),
    ).toBe(0);
    // A single file: no WAL to carry with it.
    expect(existsSync(`${copy}-wal`)).toBe(false);
  });

  it("refuses to overwrite a file without --force, and says so", async () => {
    const file = join(dir, "taken.db");
    writeFileSync(file, "keep me");
    const result = await convo(["backup", file, "--db", db]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("exists: choose another file, or --force");
    expect(existsSync(`${file}.partial`)).toBe(false);
  });

  it("says clearly when there is no database", async () => {
    const result = await convo(["backup", join(dir, "x.db"), "--db", join(dir, "none.db")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("There is no database at");
  });
});

describe("convo restore", () => {
  it("refuses to replace the database of a running runtime", async () => {
    const copy = join(dir, "for-running.db");
    expect((await convo(["backup", copy, "--db", db])).code).toBe(0);
    const result = await convo(["restore", copy, "--db", db, "--force"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`A runtime (process ${process.pid}) is using`);
  });

  it("restores a backup into a stopped runtime's place, keeping the database it replaces", async () => {
    const other = await start();
    const target = join(other.dir, "convo.db");
    await useEchoFlow(other.api);
    const copy = join(dir, "before-more.db");
    expect((await convo(["backup", copy, "--db", target])).code).toBe(0);
    const contactsInCopy = checkDatabase(copy).contacts;
    // More happens after the backup; the restore goes back to the moment of the copy.
    await postWebhook(other.url, webhookBody([textItem("after-backup", "hello")]));
    await waitFor(
      async () =>
        (await other.api("GET", "/api/contacts")).json.contacts.length > contactsInCopy
          ? true
          : undefined,
      "the new contact",
    );
    await other.runtime.stop();

    const refused = await convo(["restore", copy, "--db", target]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("exists: --force replaces it");

    const restored = await convo(["restore", copy, "--db", target, "--force"]);
    expect(restored.stderr).toBe("");
    expect(restored.code).toBe(0);
    const kept = /the database it replaced is (.+)\n/.exec(restored.stdout)?.[1] as string;
    expect(existsSync(kept)).toBe(true);
    expect(checkDatabase(target).contacts).toBe(contactsInCopy);
    expect(checkDatabase(kept).contacts).toBe(contactsInCopy + 1);

    // The runtime starts on the restored file and answers as it did at the backup.
    const again = await start(other.dir);
    try {
      const flows = await again.api("GET", "/api/flows");
      expect(flows.json.flows.map((f: { id: string }) => f.id)).toEqual(["echo"]);
      const contacts = await again.api("GET", "/api/contacts");
      expect(contacts.json.contacts.length).toBe(contactsInCopy);
    } finally {
      await again.stop();
    }
  });

  it("refuses what is not a Convo backup, with the reason", async () => {
    const text = join(dir, "notes.txt");
    writeFileSync(text, "not a database at all, just some text to be sure".repeat(20));
    const notSqlite = await convo(["restore", text, "--db", join(dir, "new.db")]);
    expect(notSqlite.code).toBe(1);
    expect(notSqlite.stderr).toContain("is not a SQLite database");

    const plain = join(dir, "plain.db");
    const p = new Database(plain);
    p.exec("CREATE TABLE t (x)");
    p.close();
    const notConvo = await convo(["restore", plain, "--db", join(dir, "new.db")]);
    expect(notConvo.code).toBe(1);
    expect(notConvo.stderr).toContain("not a Convo database");
    expect(existsSync(join(dir, "new.db"))).toBe(false);
  });
});
