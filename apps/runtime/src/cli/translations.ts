import { readFileSync, writeFileSync } from "node:fs";
import { type Flow, LANGUAGE_PATTERN, parseFlowJson, serializeFlow } from "@convo/flow";
import { importTranslationsCsv, translationsCsv } from "@convo/flow/translations/csv";

const USAGE = `usage: convo translations export <flow.json> --lang <code> [--out <file.csv>]
       convo translations import <flow.json> <file.csv>
`;

interface Output {
  out(text: string): void;
  err(text: string): void;
}

const STDIO: Output = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

function readFlow(file: string, io: Output): Flow | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    io.err(`${file}: cannot be read\n`);
    return undefined;
  }
  const parsed = parseFlowJson(text);
  if (!parsed.ok) {
    for (const e of parsed.errors) io.err(`${file}: ${e.path}: ${e.message}\n`);
    return undefined;
  }
  return parsed.flow;
}

function option(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

/**
 * `translations export <flow.json> --lang de`: the flow's texts as a CSV for a translator (UTF-8
 * with a BOM, RFC 4180), to stdout or `--out`. `translations import <flow.json> <file.csv>`:
 * the translations put back into the flow file (written in the current format), what changed
 * printed; rows naming texts the flow no longer has are reported and not applied (exit 1).
 */
export function runTranslations(args: readonly string[], io: Output = STDIO): number {
  const [action, flowFile, ...rest] = args;
  if (action === "export" && flowFile) {
    const language = option(rest, "--lang");
    if (!language || !LANGUAGE_PATTERN.test(language)) {
      io.err(`convo translations export: --lang takes a language code like de\n\n${USAGE}`);
      return 2;
    }
    const flow = readFlow(flowFile, io);
    if (!flow) return 1;
    const csv = translationsCsv(flow, language);
    const out = option(rest, "--out");
    if (out) writeFileSync(out, csv);
    else io.out(csv);
    return 0;
  }
  const csvFile = rest[0];
  if (action === "import" && flowFile && csvFile) {
    const flow = readFlow(flowFile, io);
    if (!flow) return 1;
    let csv: string;
    try {
      csv = readFileSync(csvFile, "utf8");
    } catch {
      io.err(`${csvFile}: cannot be read\n`);
      return 1;
    }
    const result = importTranslationsCsv(flow, csv);
    if ("error" in result) {
      io.err(`${csvFile}: ${result.error}\n`);
      return 1;
    }
    for (const row of result.unknown) {
      io.err(
        `${csvFile}:${row.line}: "${row.id}" (${row.field}) is no longer in the flow: not applied\n`,
      );
    }
    for (const row of result.staleDefault) {
      io.out(
        `${csvFile}:${row.line}: the default text of "${row.id}" (${row.field}) changed since the export: check its translation\n`,
      );
    }
    for (const c of result.changed) {
      const what = c.to === undefined ? "removed" : c.from === undefined ? "added" : "changed";
      io.out(`${what} ${result.language} ${c.id} (${c.field})${c.to ? `: ${c.to}` : ""}\n`);
    }
    if (!flow.languages.includes(result.language)) {
      io.out(`added "${result.language}" to the flow's languages\n`);
    }
    if (result.flow !== flow) writeFileSync(flowFile, serializeFlow(result.flow));
    io.out(`${result.changed.length} translation(s) changed in ${flowFile}\n`);
    return result.unknown.length > 0 ? 1 : 0;
  }
  io.err(USAGE);
  return 2;
}
