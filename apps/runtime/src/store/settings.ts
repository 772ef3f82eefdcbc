/** Named values the runtime keeps (tokens generated once, Page settings, secrets). */
export interface SettingsStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  /** Keeps `value` unless the key has one; returns the value kept (replicas starting at once agree). */
  setIfAbsent(key: string, value: string): Promise<string>;
}
