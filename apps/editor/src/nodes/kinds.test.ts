import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { NODE_TYPES } from "@convo/flow";
import { describe, expect, it } from "vitest";
import { en } from "../i18n/en";
import { fr } from "../i18n/fr";
import { delayEditor } from "./delay";
import { EDITOR_NODES, type EditorNodeKinds, PALETTE } from "./index";
import { editorNode } from "./kind";

// What the compiler must refuse: the editor's `typecheck` (tsc over src, tests included) fails
// when one of these lines stops being an error, so each is a test.
const { Form: _form, ...withoutForm } = delayEditor;
const { Body: _body, ...withoutBody } = delayEditor;
const { icon: _icon, ...withoutIcon } = delayEditor;
// @ts-expect-error a kind without its inspector form
editorNode(withoutForm);
// @ts-expect-error a kind without its canvas body
editorNode(withoutBody);
// @ts-expect-error a kind without its icon
editorNode(withoutIcon);
// @ts-expect-error a label that is not in the catalogues
editorNode({ ...delayEditor, label: "type.nothing" });
const { note: _note, ...withoutNote } = EDITOR_NODES;
// @ts-expect-error the record without one node type
const _missingType: EditorNodeKinds = withoutNote;
// @ts-expect-error the record with a kind under another type's key (its forms take a delay)
const _wrongType: EditorNodeKinds = { ...EDITOR_NODES, note: delayEditor };

describe("EDITOR_NODES", () => {
  it("offers every node type in the palette once, each with an icon", () => {
    expect([...PALETTE].sort()).toEqual([...NODE_TYPES].sort());
    for (const type of PALETTE) expect(EDITOR_NODES[type].icon).not.toBe("");
  });

  it("names each type in English and in French", () => {
    for (const type of PALETTE) {
      const key = EDITOR_NODES[type].label as keyof typeof en;
      expect(key).toBe(`type.${type}`);
      expect(en[key]).toBeTruthy();
      expect(fr[key]).toBeTruthy();
    }
  });

  it("writes no number range into a form: each comes from the flow kind's limits", () => {
    const written: string[] = [];
    for (const type of readdirSync(import.meta.dirname, { withFileTypes: true })) {
      if (!type.isDirectory()) continue;
      const form = readFileSync(join(import.meta.dirname, type.name, "Form.tsx"), "utf8");
      for (const [found] of form.matchAll(/\b(?:min|max)=\{-?\d[^}]*\}/g)) {
        written.push(`${type.name}: ${found}`);
      }
    }
    expect(written).toEqual([]);
  });
});
