import { describe, expect, it } from "vitest";
import { foldActions } from "./contact-changes";
import type { Contact } from "./types";

describe("foldActions", () => {
  it("keeps tags once each and in order, and sets fields, without changing the contact given", () => {
    const contact: Contact = { fields: { city: "Lyon" }, tags: ["new", "vip"] };
    const changes = foldActions(contact, [
      { type: "add_tag", tag: "lead" },
      { type: "add_tag", tag: "vip" },
      { type: "remove_tag", tag: "new" },
      { type: "add_tag", tag: "new" },
      { type: "set_field", field: "city", value: "Paris" },
      { type: "set_field", field: "__proto__", value: "x" },
    ]);
    expect(changes.contact.tags).toEqual(["vip", "lead", "new"]);
    expect(changes.contact.fields).toEqual({ city: "Paris", ["__proto__"]: "x" });
    expect(Object.hasOwn(changes.contact.fields, "__proto__")).toBe(true);
    expect(changes).toMatchObject({ tagsChanged: true, fieldsChanged: true });
    expect(contact).toEqual({ fields: { city: "Lyon" }, tags: ["new", "vip"] });
  });

  it("says nothing changed when nothing did, and hands back the same contact", () => {
    const contact: Contact = { fields: {}, tags: [] };
    const changes = foldActions(contact, [
      { type: "send", message: { kind: "text", text: "Hi" }, nodeId: "m", flowId: "f" },
      { type: "track", flowId: "f", nodeId: "m" },
    ]);
    expect(changes).toEqual({
      contact,
      tagsChanged: false,
      fieldsChanged: false,
      handover: undefined,
      timers: [],
      externalIds: [],
      ended: false,
    });
    expect(changes.contact).toBe(contact);
  });

  it("collects timers, the hand-over and the end", () => {
    const changes = foldActions({ fields: {}, tags: [] }, [
      { type: "wait_until", timerId: "t1", at: 1_000 },
      { type: "handover", resumeAt: 5_000 },
      { type: "end" },
    ]);
    expect(changes.timers).toEqual([{ timerId: "t1", at: 1_000 }]);
    expect(changes.handover).toEqual({ resumeAt: 5_000 });
    expect(changes.ended).toBe(true);
    expect(foldActions({ fields: {}, tags: [] }, [{ type: "handover" }]).handover).toEqual({
      resumeAt: undefined,
    });
  });
});
