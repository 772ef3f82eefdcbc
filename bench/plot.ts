import type { BenchResult } from "./results";

export interface Plot {
  file: string;
  title: string;
  svg: string;
}

const COLORS = ["#0866ff", "#e4405f", "#31a24c", "#f5a623", "#8a3ffc", "#5f6b7a"];
const W = 640;
const H = 360;
const M = { left: 64, right: 20, top: 36, bottom: 56 };

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (value <= step * magnitude) return step * magnitude;
  return 10 * magnitude;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** One SVG line chart per (x, y) pair found in the results' series: where the cost bends. */
export function renderPlots(results: readonly BenchResult[]): Plot[] {
  const groups = new Map<string, BenchResult[]>();
  for (const r of results) {
    if (!r.series || r.series.points.length === 0) continue;
    const key = `${r.series.y} vs ${r.series.x}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const plots: Plot[] = [];
  for (const [title, members] of groups) {
    const points = members.flatMap((m) => m.series?.points ?? []);
    const xMax = niceMax(Math.max(...points.map((p) => p[0])));
    const yMax = niceMax(Math.max(...points.map((p) => p[1])));
    const x = (v: number) => M.left + (v / xMax) * (W - M.left - M.right);
    const y = (v: number) => H - M.bottom - (v / yMax) * (H - M.top - M.bottom);
    const parts: string[] = [
      `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, sans-serif" font-size="12" role="img">`,
      `<title>${escapeXml(title)}</title>`,
      `<rect width="${W}" height="${H}" fill="#fff"/>`,
      `<text x="${W / 2}" y="20" text-anchor="middle" font-size="14" font-weight="600">${escapeXml(title)}</text>`,
    ];
    for (let i = 0; i <= 5; i++) {
      const yv = (yMax * i) / 5;
      const xv = (xMax * i) / 5;
      parts.push(
        `<line x1="${M.left}" x2="${W - M.right}" y1="${y(yv)}" y2="${y(yv)}" stroke="#e5e7eb"/>`,
        `<text x="${M.left - 8}" y="${y(yv) + 4}" text-anchor="end" fill="#555">${+yv.toPrecision(3)}</text>`,
        `<text x="${x(xv)}" y="${H - M.bottom + 18}" text-anchor="middle" fill="#555">${+xv.toPrecision(3)}</text>`,
      );
    }
    const first = members[0]?.series;
    parts.push(
      `<text x="${W / 2}" y="${H - 14}" text-anchor="middle">${escapeXml(first?.x ?? "")}</text>`,
      `<text transform="translate(16 ${H / 2}) rotate(-90)" text-anchor="middle">${escapeXml(first?.y ?? "")}</text>`,
    );
    members.forEach((member, i) => {
      const color = COLORS[i % COLORS.length];
      const series = [...(member.series?.points ?? [])].sort((a, b) => a[0] - b[0]);
      const path = series
        .map(([px, py], j) => `${j === 0 ? "M" : "L"}${x(px).toFixed(1)},${y(py).toFixed(1)}`)
        .join(" ");
      parts.push(`<path d="${path}" fill="none" stroke="${color}" stroke-width="2"/>`);
      for (const [px, py] of series)
        parts.push(
          `<circle cx="${x(px).toFixed(1)}" cy="${y(py).toFixed(1)}" r="3" fill="${color}"/>`,
        );
      const label = member.series?.label ?? member.name;
      parts.push(
        `<rect x="${M.left + 10}" y="${M.top + 4 + i * 16}" width="10" height="10" fill="${color}"/>`,
        `<text x="${M.left + 26}" y="${M.top + 13 + i * 16}">${escapeXml(label)}</text>`,
      );
    });
    parts.push("</svg>\n");
    plots.push({ file: `${slug(title)}.svg`, title, svg: parts.join("\n") });
  }
  return plots;
}
