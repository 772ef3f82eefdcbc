import { describe, expect, it } from "vitest";
import { createNode } from "../create";
import { nodeKind } from "../kind";
import { flowNodeSchema } from "../schema";
import { NODE_ARBITRARIES, type NodeArbitraries } from "../testing/arbitraries";
import { NODE_KINDS, NODE_TYPES, type NodeKinds } from ".";
import { delayKind } from "./delay";

// What the compiler must refuse. `tsc -p tsconfig.test.json` (this package's `typecheck`, run by
// `npm test`) fails when one of these lines stops being an error, so each is a test.
const { outputs: _outputs, ...withoutOutputs } = delayKind;
const { lint: _lint, ...withoutLint } = delayKind;
const { texts: _texts, ...withoutTexts } = delayKind;
const { variables: _variables, ...withoutVariables } = delayKind;
const { create: _create, ...withoutCreate } = delayKind;
const { limits: _limits, ...withoutLimits } = delayKind;
const { data: _data, ...withoutData } = delayKind;
const { role: _role, ...withoutRole } = delayKind;
const { redact: _redact, ...withoutRedact } = delayKind;
const { secretPlaces: _secretPlaces, ...withoutSecretPlaces } = delayKind;
// @ts-expect-error a kind without its outputs
nodeKind(withoutOutputs);
// @ts-expect-error a kind without its lint rules
nodeKind(withoutLint);
// @ts-expect-error a kind without its texts
nodeKind(withoutTexts);
// @ts-expect-error a kind without its variables
nodeKind(withoutVariables);
// @ts-expect-error a kind without how a new one is created
nodeKind(withoutCreate);
// @ts-expect-error a kind without its form limits
nodeKind(withoutLimits);
// @ts-expect-error a kind without its data schema
nodeKind(withoutData);
// @ts-expect-error a kind without its role
nodeKind(withoutRole);
// @ts-expect-error a kind without how its credentials are redacted
nodeKind(withoutRedact);
// @ts-expect-error a kind that does not say where secrets are filled
nodeKind(withoutSecretPlaces);

const { note: _note, ...withoutNote } = NODE_KINDS;
// @ts-expect-error the record without one node type
const _missingType: NodeKinds = withoutNote;
// @ts-expect-error the record with a kind under another type's key
const _wrongType: NodeKinds = { ...NODE_KINDS, note: delayKind };
const { note: _noteArbitrary, ...arbitrariesWithoutNote } = NODE_ARBITRARIES;
// @ts-expect-error the test generators without one node type
const _missingArbitrary: NodeArbitraries = arbitrariesWithoutNote;
// The forms read limits by name, typed: a limit a kind does not have is not there.
type _FormLimit = (typeof NODE_KINDS)["handover"]["limits"]["resumeAfterHours"]["max"];
// @ts-expect-error no such limit
type _NoSuchLimit = (typeof NODE_KINDS)["delay"]["limits"]["hours"];

describe("NODE_KINDS", () => {
  it("holds each kind under its own type (the order is checked with flow.schema.json)", () => {
    for (const type of NODE_TYPES) expect(NODE_KINDS[type].type).toBe(type);
  });

  it("creates a new node of every type that the schema accepts, with fresh ids", () => {
    const taken = new Set<string>();
    let n = 0;
    const freshId = (prefix: string) => {
      const id = `${prefix}-${++n}`;
      taken.add(id);
      return id;
    };
    for (const type of NODE_TYPES) {
      const node = createNode(type, { x: 10.4, y: -3.6 }, freshId);
      expect(flowNodeSchema.safeParse(node).success).toBe(true);
      expect(node).toMatchObject({ type, id: `${type}-${n - countIds(node.data)}` });
      expect(node.position).toEqual({ x: 10, y: -4 });
    }
    expect(taken.size).toBe(n);
  });

  it("keeps the schema within the limits the forms show", () => {
    const handover = (resumeAfterHours: number) =>
      flowNodeSchema.safeParse({
        id: "h",
        type: "handover",
        position: { x: 0, y: 0 },
        data: { resumeAfterHours },
      }).success;
    const max = NODE_KINDS.handover.limits.resumeAfterHours.max;
    expect(handover(max)).toBe(true);
    expect(handover(max + 1)).toBe(false);
  });
});

/** How many ids a new node's data took from `freshId` (blocks, branches, variants). */
function countIds(data: unknown): number {
  if (Array.isArray(data)) return data.reduce((sum: number, item) => sum + countIds(item), 0);
  if (data === null || typeof data !== "object") return 0;
  const own = "id" in data ? 1 : 0;
  return own + Object.values(data).reduce((sum: number, v) => sum + countIds(v), 0);
}
