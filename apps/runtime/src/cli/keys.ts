import { existsSync } from "node:fs";
import { loadConfig } from "../config";
import { createApiKey, isScope, SCOPES, type Scope } from "../keys/api-keys";
import type { AuditAction } from "../store/audit-actions";
import { SqliteStore } from "../store/sqlite/sqlite-store";

export const KEYS_USAGE = `usage: convo keys <create|list|revoke> [options]

  keys create --scope events:write [--scope …] [--name shop]   make a key (shown once)
  keys list                                                    every key, its scopes and use
  keys revoke <id>                                             the key stops working at once
  --db <file>                                                  the database (CONVO_DB)

scopes: ${SCOPES.join(", ")}
`;

/** Keys made and revoked on the command line are in the audit log, by whoever ran it. */
const keyEntry = (action: AuditAction, target: string, detail: Record<string, unknown>) => ({
  at: Date.now(),
  actor: { id: "cli", name: "command line", kind: "system" as const },
  action,
  target,
  detail,
  ip: null,
});

/** `convo keys …`: API keys for integrations, on the runtime's database (running or not). */
export async function runKeys(
  args: readonly string[],
  out: (text: string) => void = (t) => process.stdout.write(t),
): Promise<number> {
  const [command, ...rest] = args;
  const scopes: Scope[] = [];
  const positional: string[] = [];
  let name = "integration";
  let db: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    const [flag, inline] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => {
      const v = inline ?? rest[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === "--scope") {
      const scope = value();
      if (!isScope(scope))
        throw new Error(`unknown scope "${scope}" (scopes: ${SCOPES.join(", ")})`);
      scopes.push(scope);
    } else if (flag === "--name") name = value();
    else if (flag === "--db") db = value();
    else if (arg.startsWith("--")) throw new Error(`unknown option "${arg}"\n\n${KEYS_USAGE}`);
    else positional.push(arg);
  }
  if (existsSync(".env")) process.loadEnvFile(".env");
  const config = loadConfig({ ...process.env, ...(db ? { CONVO_DB: db } : {}) });
  const store = new SqliteStore(config.dbPath);
  try {
    switch (command) {
      case "create": {
        if (scopes.length === 0) throw new Error(`a key needs --scope (${SCOPES.join(", ")})`);
        const { key, row } = await createApiKey(store.keys, { name, scopes, now: Date.now() });
        await store.audit.append(keyEntry("key.create", row.id, { name, scopes }));
        out(`${key}\n`);
        process.stderr.write(
          `Key ${row.id} (${row.scopes.join(", ")}) made. It is shown once: keep it now.\n`,
        );
        return 0;
      }
      case "list": {
        for (const k of await store.keys.list()) {
          const state =
            k.revokedAt === null ? "live" : `revoked ${new Date(k.revokedAt).toISOString()}`;
          const used =
            k.lastUsedAt === null ? "never used" : `used ${new Date(k.lastUsedAt).toISOString()}`;
          out(`${k.id}  ${k.name}  ${k.scopes.join(",")}  ${state}  ${used}\n`);
        }
        return 0;
      }
      case "revoke": {
        const id = positional[0];
        if (!id) throw new Error("which key? convo keys revoke <id>");
        if (!(await store.keys.revoke(id, Date.now()))) {
          process.stderr.write(`convo: no live key ${id}\n`);
          return 1;
        }
        await store.audit.append(keyEntry("key.revoke", id, {}));
        out(`revoked ${id}\n`);
        return 0;
      }
      default:
        process.stderr.write(KEYS_USAGE);
        return 2;
    }
  } finally {
    await store.close();
  }
}
