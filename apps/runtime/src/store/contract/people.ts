import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { type StoreHarness, T, useStore } from "./harness";

const person = (id: string, email: string, role: "owner" | "editor" = "editor") => ({
  id,
  email,
  name: `Name ${id}`,
  role,
  passwordHash: `scrypt$hash-of-${id}`,
  createdAt: T,
});

/** People, their sessions, invites, sign-in failures and the audit log. */
export function peopleContract(makeHarness: () => StoreHarness) {
  const s = useStore(makeHarness);

  describe("people", () => {
    it("keeps e-mail addresses unique whatever their case", async () => {
      const { people } = s.store;
      expect(await people.create(person("p1", "ann@example.com", "owner"))).toBe(true);
      expect(await people.create(person("p2", "ANN@Example.com"))).toBe(false);
      expect(await people.credentials("Ann@EXAMPLE.com")).toMatchObject({
        id: "p1",
        passwordHash: "scrypt$hash-of-p1",
      });
      expect(await people.find("p1")).not.toHaveProperty("passwordHash");
      expect(await people.countActive()).toBe(1);
    });

    it("changes role and password, and a removed person's sessions end with it", async () => {
      const { people, accountSessions } = s.store;
      await people.create(person("p1", "a@x.io", "owner"));
      await people.create(person("p2", "b@x.io"));
      const session = { personId: "p2", createdAt: T, lastSeenAt: T, csrfToken: "c" };
      await accountSessions.create({ id: "s1", ...session });
      await accountSessions.create({ id: "s2", ...session });
      expect(await people.update("p2", { role: "agent", passwordHash: "new" })).toBe(true);
      expect(await people.update("nobody", { role: "agent" })).toBe(false);
      expect(await people.credentials("b@x.io")).toMatchObject({
        role: "agent",
        passwordHash: "new",
      });
      expect(await people.disable("p2", T + 1)).toBe(true);
      expect(await people.disable("p2", T + 2)).toBe(false);
      expect(await accountSessions.find("s1")).toBeUndefined();
      expect(await accountSessions.find("s2")).toBeUndefined();
      expect(await people.countActive()).toBe(1);
      expect((await people.list()).map((p) => [p.id, p.disabledAt])).toEqual([
        ["p1", null],
        ["p2", T + 1],
      ]);
      await people.update("p2", { disabledAt: null, role: "viewer" });
      const reopened = await s.reopen(T + 3);
      expect(await reopened.people.find("p2")).toMatchObject({ disabledAt: null, role: "viewer" });
    });
  });

  describe("account sessions", () => {
    it("are found by digest, touched, and end one, all but one, or when idle", async () => {
      const { people, accountSessions: sessions } = s.store;
      await people.create(person("p1", "a@x.io"));
      for (const id of ["s1", "s2", "s3"]) {
        await sessions.create({ id, personId: "p1", createdAt: T, lastSeenAt: T, csrfToken: id });
      }
      await sessions.touch("s1", T + 50);
      expect(await sessions.find("s1")).toEqual({
        id: "s1",
        personId: "p1",
        createdAt: T,
        lastSeenAt: T + 50,
        csrfToken: "s1",
      });
      await sessions.remove("s3");
      expect(await sessions.find("s3")).toBeUndefined();
      expect(await sessions.removeIdle(T + 10)).toBe(1);
      expect(await sessions.find("s2")).toBeUndefined();
      await sessions.create({
        id: "s4",
        personId: "p1",
        createdAt: T,
        lastSeenAt: T + 60,
        csrfToken: "",
      });
      expect(await sessions.removeFor("p1", "s4")).toBe(1);
      expect(await sessions.find("s4")).toBeDefined();
      expect(await sessions.removeFor("p1")).toBe(1);
    });
  });

  describe("invites", () => {
    it("work once, and not once expired", async () => {
      const { invites } = s.store;
      const base = {
        kind: "invite" as const,
        email: "c@x.io",
        role: "agent" as const,
        personId: null,
        createdBy: "p1",
        createdAt: T,
        expiresAt: T + 100,
      };
      await invites.create({ id: "i1", ...base });
      await invites.create({ id: "i2", ...base, createdAt: T + 1 });
      expect((await invites.pending(T + 5)).map((i) => i.id)).toEqual(["i2", "i1"]);
      const [a, b] = await Promise.all([invites.use("i1", T + 10), invites.use("i1", T + 11)]);
      expect([a?.id, b?.id].filter(Boolean)).toEqual(["i1"]);
      expect(await invites.find("i1")).toMatchObject({ usedAt: T + 10 });
      expect(await invites.use("i2", T + 100)).toBeUndefined();
      expect(await invites.pending(T + 5)).toMatchObject([{ id: "i2" }]);
      expect(await invites.pending(T + 100)).toEqual([]);
    });
  });

  describe("sign-in failures", () => {
    it("are counted per key in a window, newest first, and cleared", async () => {
      const { signInFailures: failures } = s.store;
      await failures.record(["account:a@x.io", "address:10.0.0.1"], T);
      await failures.record(["account:a@x.io"], T + 10);
      await failures.record(["account:a@x.io"], T + 20);
      expect(await failures.recent("account:a@x.io", T + 5, 10)).toEqual([T + 20, T + 10]);
      expect(await failures.recent("account:a@x.io", T, 1)).toEqual([T + 20]);
      expect(await failures.recent("address:10.0.0.1", T, 10)).toEqual([T]);
      await failures.clear("account:a@x.io");
      expect(await failures.recent("account:a@x.io", 0, 10)).toEqual([]);
      await failures.prune(T + 1);
      expect(await failures.recent("address:10.0.0.1", 0, 10)).toEqual([]);
    });
  });

  describe("audit log", () => {
    it("appends, lists newest first with filters, and refuses changes", async () => {
      const { audit } = s.store;
      const me = { id: `p-${randomUUID()}`, name: "Ann", kind: "person" as const };
      const entry = { actor: me, target: "welcome", detail: { version: 2 }, ip: "127.0.0.1" };
      await audit.append({ ...entry, at: T, action: "flow.publish" });
      await audit.append({ ...entry, at: T + 10, action: "flow.delete" });
      await audit.append({ ...entry, at: T + 20, action: "auth.sign_in" });
      const all = await audit.list({ actor: me.id, limit: 10 });
      expect(all.map((r) => r.action)).toEqual(["auth.sign_in", "flow.delete", "flow.publish"]);
      expect(all[2]).toMatchObject({ ...entry, at: T, action: "flow.publish" });
      expect(
        (await audit.list({ actor: me.id, action: "flow.", limit: 10 })).map((r) => r.action),
      ).toEqual(["flow.delete", "flow.publish"]);
      expect(await audit.list({ actor: me.id, action: "flow", limit: 10 })).toEqual([]);
      expect(await audit.list({ actor: me.id, action: "fl%.", limit: 10 })).toEqual([]);
      const window = await audit.list({ actor: me.id, from: T + 10, to: T + 20, limit: 10 });
      expect(window.map((r) => r.action)).toEqual(["flow.delete"]);
      const page = await audit.list({ actor: me.id, before: all[0]?.id as number, limit: 1 });
      expect(page.map((r) => r.action)).toEqual(["flow.delete"]);
      expect(audit).not.toHaveProperty("delete");
      expect(audit).not.toHaveProperty("update");
    });
  });
}
