import { copyStore, isPostgresUrl } from "../store/copy";

export const STORE_USAGE = `usage: convo store copy --from <file.db | postgres://…> --to <file.db | postgres://…>

  Copies everything one store holds into another, empty one (SQLite to PostgreSQL, or back), in
  one transaction, then checks that every table has as many rows on both sides. Stop the runtimes
  first. The target's schema is created; a target that already holds rows is refused.
`;

/** Where a store is, for the messages: a file's path, or a URL without its password. */
function shown(where: string): string {
  if (!isPostgresUrl(where)) return where;
  const url = new URL(where);
  if (url.password) url.password = "***";
  return url.toString();
}

/** `convo store copy --from … --to …`. */
export async function runStore(args: readonly string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "copy" || rest.includes("--help")) {
    (sub === undefined || rest.includes("--help") ? process.stdout : process.stderr).write(
      STORE_USAGE,
    );
    return sub === undefined || rest.includes("--help") ? 0 : 2;
  }
  const options: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const [flag, inline] = (rest[i] as string).split(/=(.*)/s, 2) as [string, string | undefined];
    if (flag !== "--from" && flag !== "--to") {
      process.stderr.write(`convo store copy: unknown option "${flag}"\n\n${STORE_USAGE}`);
      return 2;
    }
    const value = inline ?? rest[++i];
    if (!value) {
      process.stderr.write(`convo store copy: ${flag} needs a value\n`);
      return 2;
    }
    options[flag.slice(2)] = value;
  }
  const { from, to } = options;
  if (!from || !to) {
    process.stderr.write(`convo store copy: --from and --to are both needed\n\n${STORE_USAGE}`);
    return 2;
  }
  if (from === to) {
    process.stderr.write("convo store copy: --from and --to name the same store\n");
    return 2;
  }
  const started = Date.now();
  const report = await copyStore(from, to);
  const width = Math.max(...report.tables.map((t) => t.table.length));
  process.stdout.write(
    `copied ${shown(from)} → ${shown(to)} in ${((Date.now() - started) / 1000).toFixed(1)} s; the counts match:\n${report.tables
      .map((t) => `  ${t.table.padEnd(width)}  ${t.rows}`)
      .join("\n")}\n`,
  );
  return 0;
}
