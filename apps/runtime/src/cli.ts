#!/usr/bin/env node
/**
 * The `convo` command line: `npm run convo -- <command>` from the repository root.
 * Each command lives in `src/cli/<command>.ts`.
 */
import { runBackupCommand } from "./cli/backup";
import { runChat } from "./cli/chat";
import { runEmulator } from "./cli/emulator";
import { runKeys } from "./cli/keys";
import { runServe } from "./cli/serve";
import { runStore } from "./cli/store";
import { runTest } from "./cli/test";
import { runTranslations } from "./cli/translations";
import { runValidate } from "./cli/validate";

const USAGE = `usage: convo <command>

  serve                      run the runtime (webhook, API, editor)
  validate [--channel C] <files|folders…>  check flow files for each channel (or C); exit 1 on an error
  chat <flow.json>           talk to a flow in the terminal (--offline, --locale fr_FR, --name Zoé)
  test <flow.json> <script>  run a conversation test script against a flow
  backup <file>              copy the database while the runtime serves (--db, --force)
  restore <file>             replace the stopped runtime's database with a backup (--db, --force)
  store copy --from --to     copy a store: SQLite file ↔ postgres:// (counts checked)
  emulator --port 9090       the Graph API emulator on its own (--page-token, --app-secret, --webhook)
  keys create|list|revoke    API keys for integrations (--scope events:write)
  translations export <flow.json> --lang de [--out f.csv]  the texts as a CSV for a translator
  translations import <flow.json> <file.csv>               put a translator's CSV back into the flow
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case "validate":
      return runValidate(args);
    case "test":
      return runTest(args);
    case "chat":
      return runChat(args);
    case "serve":
      return runServe(args);
    case "backup":
    case "restore":
      return runBackupCommand(command, args);
    case "store":
      return runStore(args);
    case "keys":
      return runKeys(args);
    case "emulator":
      return runEmulator(args);
    case "translations":
      return runTranslations(args);
    case undefined:
    case "help":
    case "--help":
      process.stdout.write(USAGE);
      return 0;
    default:
      process.stderr.write(`convo: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`convo: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
