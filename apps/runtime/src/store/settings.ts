/** Named values the runtime keeps (tokens generated once, Page settings, secrets). */
export interface SettingsStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
}
