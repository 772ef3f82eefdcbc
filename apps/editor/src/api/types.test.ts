import type { Flow } from "@convo/flow";
import { describe, expectTypeOf, it } from "vitest";
import type { Answer, Contact, FlowDetail, SentCall } from "./types";

// Checked by `tsc` (the editor's typecheck): the client's types come from the runtime's document.
describe("the API types generated from the runtime's OpenAPI document", () => {
  it("type each answer as the runtime's schema says", () => {
    expectTypeOf<Answer<"putFlowsId">>().toEqualTypeOf<{ revision: number; updatedAt: string }>();
    expectTypeOf<Answer<"postContactsIdMessages", 202>>().toEqualTypeOf<{ id: number }>();
    expectTypeOf<FlowDetail["flow"]>().toEqualTypeOf<Flow>();
    expectTypeOf<FlowDetail["publishedVersion"]>().toEqualTypeOf<number | null>();
    expectTypeOf<Contact["pausedUntil"]>().toEqualTypeOf<string | null>();
    expectTypeOf<SentCall["seq"]>().toEqualTypeOf<number>();
  });
});
