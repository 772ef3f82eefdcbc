import { readFileSync, writeFileSync } from "node:fs";
import type { BenchResult } from "./results";

export interface Report {
  generatedAt: string;
  machine: string;
  quick: boolean;
  command: string;
  results: BenchResult[];
}

function format(value: number | null, unit?: string | null): string {
  if (value === null) return "—";
  const abs = Math.abs(value);
  const text =
    abs >= 1000
      ? Math.round(value).toLocaleString("en-US")
      : abs >= 10
        ? value.toFixed(1)
        : value.toPrecision(3);
  return unit ? `${text} ${unit}` : text;
}

function verdict(pass: boolean | null): string {
  if (pass === null) return "";
  return pass ? "✅ met" : "❌ not met";
}

/** The table a reader trusts: each figure beside its baseline from the same run. */
export function renderTable(results: readonly BenchResult[]): string {
  const lines = [
    "| suite | what | figure | baseline (same run) | ratio | budget | |",
    "| --- | --- | ---: | --- | ---: | --- | --- |",
  ];
  for (const r of results) {
    const baseline =
      r.baseline === null
        ? "—"
        : `${format(r.baseline, r.baselineUnit ?? r.unit)}${r.baselineName ? ` (${r.baselineName})` : ""}`;
    lines.push(
      `| ${r.suite} | ${r.name} | ${format(r.figure, r.unit)} | ${baseline} | ${r.ratio === null ? "—" : `${r.ratio.toFixed(2)}×`} | ${r.budget ?? "—"} | ${verdict(r.pass)} |`,
    );
  }
  return lines.join("\n");
}

/** Budgets the figures do not meet yet, named with their figure, or a sentence saying all are met. */
export function notMetSentence(results: readonly BenchResult[]): string {
  const notMet = results.filter((r) => r.pass === false);
  return notMet.length === 0
    ? "Every budget with a figure is met."
    : `Not yet met: ${notMet.map((r) => `${r.suite} / ${r.name} (${format(r.figure, r.unit)}, budget ${r.budget})`).join("; ")}.`;
}

export function renderMarkdown(report: Report, plots: readonly string[]): string {
  return [
    "# Benchmark results",
    "",
    `Made by \`${report.command}\` on ${report.generatedAt.slice(0, 10)}, on ${report.machine}.`,
    "",
    renderTable(report.results),
    "",
    notMetSentence(report.results),
    "",
    ...plots.map((file) => `![${file}](${file})`),
    "",
  ].join("\n");
}

const START = "<!-- bench:start -->";
const END = "<!-- bench:end -->";

/** Replaces the README's figures section (between the bench markers) with the latest run. */
export function updateReadme(path: string, report: Report, plots: readonly string[]): void {
  const readme = readFileSync(path, "utf8");
  const begin = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (begin === -1 || end === -1) return;
  const section = [
    START,
    `Measured by \`${report.command}\` on ${report.generatedAt.slice(0, 10)}, on ${report.machine}. Full table: [bench/results.md](bench/results.md).`,
    "",
    renderTable(report.results),
    "",
    notMetSentence(report.results),
    "",
    ...plots.map((file) => `![${file}](${file})`),
    END,
  ].join("\n");
  writeFileSync(path, readme.slice(0, begin) + section + readme.slice(end + END.length));
}
