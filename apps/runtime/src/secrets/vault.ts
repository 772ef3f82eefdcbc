import type { SettingsStore } from "../store/settings";
import type { Sealer } from "./key";

/** The setting holding the secrets set in the editor: `{ NAME: { sealed, setAt, setBy } }`. */
const SETTING = "secrets";
const ENV_PREFIX = "CONVO_SECRET_";

interface Kept {
  sealed: string;
  setAt: number;
  setBy: string;
}

/** A secret as the editor lists it: never its value. */
export interface SecretInfo {
  name: string;
  setAt?: number;
  setBy?: string;
  /** `environment`: a `CONVO_SECRET_<NAME>` variable, which wins over the editor's value. */
  source: "editor" | "environment";
}

export const SECRET_NAME = /^[A-Z][A-Z0-9_]{0,63}$/;

/**
 * Values for `{{secrets.NAME}}` in HTTP actions: set by the owner in the editor (write-only,
 * sealed in the database) and, over them, environment variables `CONVO_SECRET_<NAME>`. They
 * never leave the runtime: the API lists names and who set them, never values.
 */
export class SecretVault {
  constructor(
    private readonly settings: SettingsStore,
    private readonly sealer: Sealer,
    /** `CONVO_SECRET_<NAME>` variables (`RuntimeConfig.secretEnv`). */
    private readonly env: Record<string, string | undefined>,
  ) {}

  async #kept(): Promise<Record<string, Kept | string>> {
    const stored = await this.settings.get(SETTING);
    return stored ? (JSON.parse(stored) as Record<string, Kept | string>) : {};
  }

  async list(): Promise<SecretInfo[]> {
    const out = new Map<string, SecretInfo>();
    for (const [name, kept] of Object.entries(await this.#kept())) {
      out.set(
        name,
        typeof kept === "string"
          ? { name, source: "editor" }
          : { name, setAt: kept.setAt, setBy: kept.setBy, source: "editor" },
      );
    }
    for (const name of Object.keys(this.#environment()))
      out.set(name, { name, source: "environment" });
    return [...out.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  async set(name: string, value: string, setBy: string, at: number): Promise<void> {
    const kept = await this.#kept();
    kept[name] = { sealed: await this.sealer.seal(value, `secret:${name}`), setAt: at, setBy };
    await this.settings.set(SETTING, JSON.stringify(kept));
  }

  /** False when there was no such secret set in the editor. */
  async remove(name: string): Promise<boolean> {
    const kept = await this.#kept();
    if (!(name in kept)) return false;
    delete kept[name];
    await this.settings.set(SETTING, JSON.stringify(kept));
    return true;
  }

  /** Every secret's value, for the HTTP actions being run. */
  async values(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const [name, kept] of Object.entries(await this.#kept())) {
      // A value stored in clear by an older release still reads; the next `set` seals it.
      out[name] = typeof kept === "string" ? kept : this.sealer.open(kept.sealed, `secret:${name}`);
    }
    return { ...out, ...this.#environment() };
  }

  #environment(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(this.env)) {
      if (key.startsWith(ENV_PREFIX) && value !== undefined)
        out[key.slice(ENV_PREFIX.length)] = value;
    }
    return out;
  }
}
