import type { ChatEndpoint } from "./ai/provider";
import type { RuntimeConfig } from "./config";
import type { Sealer } from "./secrets/key";
import type { SettingsStore } from "./store/settings";

/** The setting holding the provider the owner chose in the editor. */
const SETTING = "ai_provider";
/** What the sealed key is bound to: a sealed value moved to another setting does not open. */
const KEY_CONTEXT = "ai:api_key";

interface Kept {
  baseUrl: string;
  model: string;
  /** The API key, sealed (AES-256-GCM under the secrets key); absent: none saved. */
  sealedKey?: string;
  setAt: number;
  setBy: string;
}

/** The provider as the editor shows it: never its key, only whether one is saved. */
export interface AiProviderInfo {
  baseUrl: string;
  model: string;
  keySet: boolean;
  setAt?: number;
  setBy?: string;
  /** `environment`: `CONVO_AI_API_KEY` is set, and the `CONVO_AI_*` variables win. */
  source: "editor" | "environment";
}

/** A change the owner saves; an absent field keeps what was there. */
export interface AiProviderChange {
  baseUrl?: string;
  model?: string;
  /** The new key; `null` forgets the saved one. */
  apiKey?: string | null;
}

/**
 * The AI provider the owner sets in the editor (URL, model, a write-only key), kept in the
 * settings with the key sealed. `CONVO_AI_API_KEY` in the environment wins over it whole, as a
 * `CONVO_SECRET_*` variable wins over a secret: the variables are the operator's last word.
 */
export class AiProviderSettings {
  /** Whether a key was saved, as last read here (other replicas' saves show at their next read). */
  #keySaved = false;

  constructor(
    private readonly settings: SettingsStore,
    private readonly sealer: Sealer,
    private readonly config: Pick<RuntimeConfig, "aiBaseUrl" | "aiModel" | "aiApiKey">,
  ) {}

  /** Whether the environment sets the provider (then the editor's is not used). */
  get fromEnvironment(): boolean {
    return this.config.aiApiKey !== undefined;
  }

  /** Whether the editor's provider answers AI steps (a key saved, no environment key). */
  get inUse(): boolean {
    return !this.fromEnvironment && this.#keySaved;
  }

  async #kept(): Promise<Kept | undefined> {
    const stored = await this.settings.get(SETTING);
    const kept = stored ? (JSON.parse(stored) as Kept) : undefined;
    this.#keySaved = kept?.sealedKey !== undefined;
    return kept;
  }

  async info(): Promise<AiProviderInfo> {
    if (this.fromEnvironment) {
      return {
        baseUrl: this.config.aiBaseUrl,
        model: this.config.aiModel,
        keySet: true,
        source: "environment",
      };
    }
    const kept = await this.#kept();
    if (!kept) {
      return {
        baseUrl: this.config.aiBaseUrl,
        model: this.config.aiModel,
        keySet: false,
        source: "editor",
      };
    }
    return {
      baseUrl: kept.baseUrl,
      model: kept.model,
      keySet: kept.sealedKey !== undefined,
      setAt: kept.setAt,
      setBy: kept.setBy,
      source: "editor",
    };
  }

  async set(change: AiProviderChange, setBy: string, at: number): Promise<AiProviderInfo> {
    const kept = await this.#kept();
    const next: Kept = {
      baseUrl: change.baseUrl ?? kept?.baseUrl ?? this.config.aiBaseUrl,
      model: change.model ?? kept?.model ?? this.config.aiModel,
      setAt: at,
      setBy,
    };
    const sealedKey =
      change.apiKey === null
        ? undefined
        : change.apiKey !== undefined
          ? await this.sealer.seal(change.apiKey, KEY_CONTEXT)
          : kept?.sealedKey;
    if (sealedKey !== undefined) next.sealedKey = sealedKey;
    await this.settings.set(SETTING, JSON.stringify(next));
    return this.info();
  }

  /**
   * The endpoint the editor's settings name, read at each call so every replica follows a
   * change at once; `undefined` when no key is saved (or the environment sets the provider).
   */
  async endpoint(): Promise<ChatEndpoint | undefined> {
    if (this.fromEnvironment) return undefined;
    const kept = await this.#kept();
    if (kept?.sealedKey === undefined) return undefined;
    return {
      baseUrl: kept.baseUrl,
      model: kept.model,
      apiKey: this.sealer.open(kept.sealedKey, KEY_CONTEXT),
    };
  }
}
