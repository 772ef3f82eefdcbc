import { type Flow, migrateFlow } from "@convo/flow";

/**
 * A flow as the store kept it, in the current format: a draft or version saved by an older
 * Convo (flow format version 1) is migrated as it is read, so everything past the store sees
 * one version. It was valid when saved, and a migration keeps its meaning.
 */
export function storedFlow(value: unknown): Flow {
  const migrated = migrateFlow(value);
  return (migrated.ok ? migrated.document : value) as Flow;
}
