import type { SettingsStore } from "./store/settings";

/**
 * Values for `{{secrets.NAME}}` in HTTP actions: the `secrets` setting (a JSON object) and, over
 * it, environment variables `CONVO_SECRET_<NAME>`. They never leave the runtime.
 */
export async function loadSecrets(
  settings: SettingsStore,
  env: Record<string, string | undefined> = process.env,
): Promise<Record<string, string>> {
  const stored = await settings.get("secrets");
  const secrets: Record<string, string> = stored
    ? (JSON.parse(stored) as Record<string, string>)
    : {};
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith("CONVO_SECRET_") && value !== undefined) {
      secrets[key.slice("CONVO_SECRET_".length)] = value;
    }
  }
  return secrets;
}
