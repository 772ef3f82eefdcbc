import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { type AiRequest, parseScript, runConversationWithModel } from "@convo/engine";
import { type Flow, parseFlowJson } from "@convo/flow";
import { CHANNELS, type ChannelId, previewOn } from "@convo/messenger";
import { parse as parseYaml } from "yaml";
import type { AiProvider } from "../ai/provider";
import { emulatedModel } from "./emulated-model";

export type LoadedFlows = { ok: true; flow: Flow; flows: Flow[] } | { ok: false; message: string };

/**
 * The flow in `file`, and beside it every other flow in the same folder, so `goto` and
 * keywords of the other flows work as they would on the runtime.
 */
export function loadFlows(file: string): LoadedFlows {
  const path = resolve(file);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return { ok: false, message: `${file}: cannot be read.` };
  }
  const main = parseFlowJson(text);
  if (!main.ok) {
    return {
      ok: false,
      message: main.errors.map((e) => `${file}: ${e.path}: ${e.message}`).join("\n"),
    };
  }
  const flows: Flow[] = [main.flow];
  for (const name of readdirSync(dirname(path)).sort()) {
    if (!name.endsWith(".json") || name === basename(path)) continue;
    try {
      const other = parseFlowJson(readFileSync(join(dirname(path), name), "utf8"));
      // Other JSON files in the folder (package.json, fixtures) are not flows: skip them.
      if (other.ok && !flows.some((f) => f.id === other.flow.id)) flows.push(other.flow);
    } catch {
      // Unreadable neighbours are skipped the same way.
    }
  }
  return { ok: true, flow: main.flow, flows };
}

/**
 * `convo test <flow.json> <script.yaml|json>`: plays the script on each channel the flow is
 * published to (or the one the script names), checking what the contact sees there; prints each
 * turn, exit 1 when a channel fails. AI steps ask the built-in AI emulator (started on 127.0.0.1
 * at the first question), as the sandbox does: offline and the same answers every run.
 */
export async function runTest(args: readonly string[]): Promise<number> {
  const model = emulatedModel();
  try {
    return await playTest(args, model.ask);
  } finally {
    await model.close();
  }
}

async function playTest(
  args: readonly string[],
  ask: (request: AiRequest) => ReturnType<AiProvider["ask"]>,
): Promise<number> {
  const [flowFile, scriptFile] = args;
  if (!flowFile || !scriptFile) {
    process.stderr.write("usage: convo test <flow.json> <script.yaml|script.json>\n");
    return 2;
  }
  const loaded = loadFlows(flowFile);
  if (!loaded.ok) {
    process.stderr.write(`${loaded.message}\n`);
    return 1;
  }
  let document: unknown;
  try {
    const text = readFileSync(scriptFile, "utf8");
    document = scriptFile.endsWith(".json") ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    process.stderr.write(`${scriptFile}: cannot be read as a script (${reason}).\n`);
    return 1;
  }
  const parsed = parseScript(document);
  if (!parsed.ok) {
    for (const e of parsed.errors) process.stderr.write(`${scriptFile}: ${e}\n`);
    return 1;
  }
  const channels = channelsToPlay(parsed.script.channel, loaded.flow);
  if (typeof channels === "string") {
    process.stderr.write(`${scriptFile}: ${channels}\n`);
    return 1;
  }
  const color = process.stdout.isTTY;
  const paint = (code: string, text: string) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
  let failed = 0;
  for (const id of channels) {
    const spec = CHANNELS[id];
    const report = await runConversationWithModel(
      {
        flows: loaded.flows,
        flowId: loaded.flow.id,
        script: parsed.script,
        channel: id,
        limits: spec.limits,
        show: (message) => previewOn(spec, message),
      },
      ask,
    );
    if (channels.length > 1) process.stdout.write(`${paint("1", spec.name)}\n`);
    for (const turn of report.turns) {
      const mark = turn.ok ? paint("32", "✓") : paint("31", "✗");
      process.stdout.write(`${mark} ${String(turn.index).padStart(3)} ${turn.label}\n`);
      for (const reply of turn.replies)
        process.stdout.write(`        ${paint("2", `bot: ${reply}`)}\n`);
      for (const problem of turn.problems)
        process.stdout.write(`        ${paint("31", problem)}\n`);
    }
    const total = report.turns.length;
    const on = `${scriptFile} against ${loaded.flow.id} on ${spec.name}`;
    process.stdout.write(
      report.passed
        ? `${paint("32", "passed")}: ${total} turn(s) of ${on}\n`
        : `${paint("31", "failed")}: ${report.failures} of ${total} turn(s) of ${on}\n`,
    );
    if (!report.passed) failed += 1;
  }
  return failed === 0 ? 0 : 1;
}

/**
 * The channels a script is played on: the one it names, else each the flow is published to
 * (`flow.channels`), else every channel. A name Convo does not know is an error naming them all.
 */
function channelsToPlay(named: string | undefined, flow: Flow): ChannelId[] | string {
  const known = Object.keys(CHANNELS) as ChannelId[];
  if (named === undefined) return flow.channels?.length ? [...flow.channels] : known;
  if (!(known as string[]).includes(named)) {
    return `\`channel: ${named}\` is not a channel; use ${known.join(", ")}.`;
  }
  if (flow.channels?.length && !(flow.channels as string[]).includes(named)) {
    return `the script is for ${named}, but ${flow.id} is published to ${flow.channels.join(", ")} only.`;
  }
  return [named as ChannelId];
}
