import { CURRENT_SCHEMA_VERSION } from "./schema";

/** Turns a document of version `n` into one of version `n + 1`. Documents are plain JSON. */
export type Migration = (document: Record<string, unknown>) => Record<string, unknown>;

/** The language a version-1 flow is taken to be written in: it had no word for it. */
export const V1_LANGUAGE = "en";

/**
 * Version 2 gives each customer-facing text one value per language. A version-1 flow speaks one
 * language, so it means exactly what it meant with `languages: [its language]` and no
 * translations: every text stays where it was.
 */
export const fromV1ToV2: Migration = (document) => ({
  ...document,
  languages: [V1_LANGUAGE],
});

/** The chain, keyed by the version a migration starts from. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = { 1: fromV1ToV2 };

export type MigrateResult =
  | { ok: true; document: Record<string, unknown>; from?: number }
  | { ok: false; error: string };

/**
 * Brings a flow document of any earlier `schemaVersion` up to `target`, one step at a time.
 * It does not validate the result: `parseFlow` does that after. Never throws.
 */
export function migrateFlow(
  input: unknown,
  chain: Readonly<Record<number, Migration>> = MIGRATIONS,
  target: number = CURRENT_SCHEMA_VERSION,
): MigrateResult {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { ok: false, error: "This is not a flow: a flow file holds one JSON object." };
  }
  const version = (input as Record<string, unknown>).schemaVersion;
  if (version === undefined) {
    return { ok: false, error: 'This is not a flow: "schemaVersion" is missing.' };
  }
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: '"schemaVersion" should be a whole number from 1.' };
  }
  if (version > target) {
    return {
      ok: false,
      error: `This flow was made by a newer Convo (schema version ${version}); this one reads up to version ${target}.`,
    };
  }
  let document = input as Record<string, unknown>;
  for (let v = version; v < target; v++) {
    const migration = chain[v];
    if (!migration) {
      return { ok: false, error: `No migration from schema version ${v} to ${v + 1}.` };
    }
    try {
      document = { ...migration(document), schemaVersion: v + 1 };
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { ok: false, error: `Could not migrate from version ${v}: ${detail}` };
    }
  }
  return version === target ? { ok: true, document } : { ok: true, document, from: version };
}
