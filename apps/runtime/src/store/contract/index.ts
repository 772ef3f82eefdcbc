import { describe, expect, it } from "vitest";
import { brandContract } from "./brand";
import { contactContract } from "./contacts";
import { conversationContract } from "./conversations";
import { flowContract } from "./flows";
import type { StoreHarness } from "./harness";
import { inboxContract } from "./inbox";
import { outboxContract } from "./outbox";
import { peopleContract } from "./people";
import { stepContract } from "./steps";
import { timerContract } from "./timers";

export type { StoreHarness } from "./harness";

/**
 * What every store must do, whatever it stores in: run it from the implementation's test with a
 * harness that opens, reopens and removes its databases (`sqlite/sqlite-store.test.ts`).
 */
export function describeStoreContract(name: string, makeHarness: () => StoreHarness): void {
  describe(`store contract: ${name}`, () => {
    it("is ready once open, and not after it is closed", async () => {
      const harness = makeHarness();
      const store = await harness.open(Date.now());
      expect(store.isReady()).toBe(true);
      await store.close();
      expect(store.isReady()).toBe(false);
      await harness.dispose(store);
    });
    flowContract(makeHarness);
    contactContract(makeHarness);
    inboxContract(makeHarness);
    outboxContract(makeHarness);
    stepContract(makeHarness);
    timerContract(makeHarness);
    brandContract(makeHarness);
    peopleContract(makeHarness);
    conversationContract(makeHarness);
  });
}
