import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { SettingsStore } from "../store/settings";
import { parseKey32, SecretBox } from "./box";

/** The key file's name, in the database's folder. */
export const KEY_FILE = "convo-secrets.key";
/** Where the fingerprint of the key that sealed this database's secrets is kept. */
const CHECK_SETTING = "secrets_key_check";

/**
 * The key that seals secrets: `CONVO_SECRETS_KEY`, else the key file beside the database, made
 * (mode 0600) the first time with a warning that backups must keep it apart from the database.
 * A database used with a throwaway `:memory:` file gets a throwaway key.
 */
export function resolveSecretsKey(
  configured: Buffer | undefined,
  dbPath: string,
  warn: (message: string, fields: { file: string }) => void,
): { key: Buffer; source: string } {
  if (configured) return { key: configured, source: "CONVO_SECRETS_KEY" };
  if (dbPath === ":memory:") return { key: randomBytes(32), source: "memory" };
  const file = join(dirname(dbPath), KEY_FILE);
  // On PostgreSQL the SQLite file's folder is never made by the store: the key makes it.
  mkdirSync(dirname(dbPath), { recursive: true });
  try {
    writeFileSync(file, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
    warn(
      "generated a secrets key: back it up apart from the database, or set CONVO_SECRETS_KEY; without it the secrets set in the editor cannot be read",
      { file },
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const key = parseKey32(readFileSync(file, "utf8"));
  if (!key) throw new Error(`${file} does not hold a 32-byte key (64 hex digits or base64).`);
  if ((statSync(file).mode & 0o077) !== 0) {
    warn("the secrets key file can be read by other users: chmod 600 it", { file });
  }
  return { key, source: file };
}

/**
 * Seals and opens the runtime's secrets. The first value sealed records the key's fingerprint
 * in the database; a runtime started later with another key is refused by `checkKey` with a
 * message naming the fix, instead of failing on every secret it reads.
 */
export class Sealer {
  readonly #box: SecretBox;
  readonly #settings: SettingsStore;
  #claimed = false;

  constructor(key: Buffer, settings: SettingsStore) {
    this.#box = new SecretBox(key);
    this.#settings = settings;
  }

  /** Throws when this database's secrets were sealed with another key. */
  async checkKey(source: string): Promise<void> {
    const recorded = await this.#settings.get(CHECK_SETTING);
    if (recorded === undefined) return;
    if (recorded !== this.#box.fingerprint()) {
      throw new Error(
        `The secrets in this database were sealed with another key than ${source}: set CONVO_SECRETS_KEY to that key, or restore its ${KEY_FILE} beside the database.`,
      );
    }
    this.#claimed = true;
  }

  async seal(plaintext: string, context: string): Promise<string> {
    if (!this.#claimed) {
      const kept = await this.#settings.setIfAbsent(CHECK_SETTING, this.#box.fingerprint());
      if (kept !== this.#box.fingerprint()) throw new Error("Another secrets key is in use.");
      this.#claimed = true;
    }
    return this.#box.seal(plaintext, context);
  }

  /** The plaintext of a sealed value; a value stored before sealing existed passes unchanged. */
  open(stored: string, context: string): string {
    return SecretBox.isSealed(stored) ? this.#box.open(stored, context) : stored;
  }
}
