import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderPlots } from "./plot";
import { renderMarkdown, updateReadme } from "./report";
import { normaliseResults } from "./results";

const engine = normaliseResults("engine", {
  results: [
    {
      name: "steps/s, 1,000-node flow",
      figure: 412345.6,
      unit: "steps/s",
      baseline: 98000,
      baselineName: "JSON.parse",
      baselineUnit: "parses/s",
      ratio: 4.21,
      budget: "≥ 200,000 steps/s",
      pass: true,
    },
    { name: "lint, 1,000 nodes", figure: 7.2, unit: "ms", budget: "≤ 5 ms", pass: false },
  ],
});
const report = {
  generatedAt: "2026-11-23T10:00:00.000Z",
  machine: "AMD EPYC, 2 cores",
  quick: false,
  command: "npm run bench",
  results: engine,
};

describe("bench report", () => {
  it("accepts one result, a list, or { results }, and refuses a result without a figure", () => {
    expect(normaliseResults("x", { name: "a", figure: 1 })).toHaveLength(1);
    expect(
      normaliseResults("x", [
        { name: "a", figure: 1 },
        { name: "b", figure: 2 },
      ]),
    ).toHaveLength(2);
    expect(() => normaliseResults("x", { name: "a", figure: "fast" })).toThrow(/a.figure/);
  });

  it("shows each figure beside its baseline, the ratio, the budget and the verdict", () => {
    const md = renderMarkdown(report, []);
    expect(md).toContain(
      "| engine | steps/s, 1,000-node flow | 412,346 steps/s | 98,000 parses/s (JSON.parse) | 4.21× | ≥ 200,000 steps/s | ✅ met |",
    );
    expect(md).toContain("| engine | lint, 1,000 nodes | 7.20 ms | — | — | ≤ 5 ms | ❌ not met |");
    expect(md).toContain("Not yet met: engine / lint, 1,000 nodes (7.20 ms, budget ≤ 5 ms).");
    expect(md).toContain("on AMD EPYC, 2 cores");
  });

  it("replaces only the README section between the markers", () => {
    const dir = mkdtempSync(join(tmpdir(), "bench-"));
    const path = join(dir, "README.md");
    writeFileSync(
      path,
      "# Convo\n\n<!-- bench:start -->\nold figures\n<!-- bench:end -->\n\n## After\n",
    );
    updateReadme(path, report, ["bench/latency.svg"]);
    const text = readFileSync(path, "utf8");
    expect(text).not.toContain("old figures");
    expect(text).toContain("412,346 steps/s");
    expect(text).toContain("Not yet met: engine / lint, 1,000 nodes (7.20 ms, budget ≤ 5 ms).");
    expect(text).toContain("![bench/latency.svg](bench/latency.svg)");
    expect(text.endsWith("<!-- bench:end -->\n\n## After\n")).toBe(true);
  });

  it("draws one SVG per measured curve, with a line per series", () => {
    const results = normaliseResults("runtime", [
      {
        name: "p99 latency",
        figure: 12,
        series: {
          x: "events/s",
          y: "p99 ms",
          label: "Convo",
          points: [
            [100, 3],
            [500, 8],
            [2000, 40],
          ],
        },
      },
      {
        name: "p99 latency (bare)",
        figure: 5,
        series: {
          x: "events/s",
          y: "p99 ms",
          label: "bare",
          points: [
            [100, 1],
            [500, 2],
          ],
        },
      },
      { name: "no curve", figure: 1 },
    ]);
    const plots = renderPlots(results);
    expect(plots.map((p) => p.file)).toEqual(["p99-ms-vs-events-s.svg"]);
    expect(plots[0]?.svg.match(/<path /g)).toHaveLength(2);
    expect(plots[0]?.svg).toContain(">Convo<");
    expect(plots[0]?.svg).toContain("<title>p99 ms vs events/s</title>");
  });
});
