import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { type Flow, type FlowProblem, lintClashes, parseFlowJson } from "@convo/flow";
import { CHANNEL_SPECS, type ChannelId, lintForChannels } from "@convo/messenger";

export interface ValidateReport {
  /** Lines as printed: `file: path: message`. */
  lines: string[];
  errors: number;
  warnings: number;
}

/** Files named on the command line; a folder stands for the `.json` files in it. */
export function expandFiles(args: readonly string[]): string[] {
  const files: string[] = [];
  for (const arg of args) {
    let isDirectory = false;
    try {
      isDirectory = statSync(arg).isDirectory();
    } catch {
      // A missing file is reported by validateFiles.
    }
    if (isDirectory) {
      for (const name of readdirSync(arg).sort()) {
        if (name.endsWith(".json")) files.push(join(arg, name));
      }
    } else {
      files.push(arg);
    }
  }
  return files;
}

/**
 * Checks flow files the way publishing does: the schema first, then lint. `goto` may name any flow
 * among the files checked together, and the files are checked against each other as if published
 * together: two claiming the same keyword, ref, payload, event or the default reply is an error.
 */
export function validateFiles(
  files: readonly string[],
  channels?: readonly ChannelId[],
): ValidateReport {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  const parsed: { file: string; flow: Flow }[] = [];

  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      lines.push(
        `${file}: error: ${code === "ENOENT" ? "no such file" : `cannot be read (${code})`}`,
      );
      errors++;
      continue;
    }
    const result = parseFlowJson(text);
    if (!result.ok) {
      for (const e of result.errors) lines.push(`${file}: ${e.path}: error: ${e.message}`);
      errors += result.errors.length;
      continue;
    }
    parsed.push({ file, flow: result.flow });
  }

  const knownFlows = parsed.map((p) => p.flow.id);
  const clashes = lintClashes(parsed.map((p) => p.flow));
  const fileOf = new Map(parsed.map((p) => [p.flow.id, p.file]));
  for (const { file, flow } of parsed) {
    const problems: FlowProblem[] = lintForChannels(flow, {
      knownFlows,
      ...(channels ? { channels } : {}),
    });
    for (const clash of clashes) {
      if (clash.flowId !== flow.id || fileOf.get(flow.id) !== file) continue;
      problems.push({ ...clash, message: `${clash.message} (${fileOf.get(clash.otherFlowId)})` });
    }
    for (const p of problems) {
      lines.push(`${file}: ${p.path}: ${p.severity}: ${p.message}`);
      if (p.severity === "error") errors++;
      else warnings++;
    }
  }
  return { lines, errors, warnings };
}

/** `--channel whatsapp` (repeatable, or `--channel=instagram`): the channels to check. */
export function readChannelArgs(
  args: readonly string[],
): { files: string[]; channels?: ChannelId[] } | { error: string } {
  const rest: string[] = [];
  const channels: ChannelId[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const inline = /^--channel=(.*)$/.exec(arg);
    if (arg !== "--channel" && !inline) {
      rest.push(arg);
      continue;
    }
    const value = inline ? inline[1] : args[++i];
    if (!value || !(value in CHANNEL_SPECS)) {
      return {
        error: `--channel takes one of ${Object.keys(CHANNEL_SPECS).join(", ")}, not "${value ?? ""}"`,
      };
    }
    channels.push(value as ChannelId);
  }
  return channels.length > 0 ? { files: rest, channels } : { files: rest };
}

export function runValidate(args: readonly string[]): number {
  const read = readChannelArgs(args);
  if ("error" in read) {
    process.stderr.write(`${read.error}\n`);
    return 2;
  }
  const files = expandFiles(read.files);
  if (files.length === 0) {
    process.stderr.write(
      "usage: convo validate [--channel messenger|instagram|whatsapp] <flow.json|folder>…\n",
    );
    return 2;
  }
  const report = validateFiles(files, read.channels);
  for (const line of report.lines) process.stdout.write(`${line}\n`);
  const summary = `${files.length} file(s): ${report.errors} error(s), ${report.warnings} warning(s)`;
  process.stdout.write(`${summary}\n`);
  return report.errors > 0 ? 1 : 0;
}
