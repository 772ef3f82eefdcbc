/** The 25 functions a CPU profile spent the most self time in. */
export function printProfile(
  profile: {
    nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
    samples?: number[];
    timeDeltas?: number[];
  },
  say: (m: string) => void,
): void {
  const self = new Map<string, number>();
  const dt = profile.timeDeltas ?? [];
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  (profile.samples ?? []).forEach((id, i) => {
    const n = byId.get(id);
    const key = `${n?.callFrame.functionName || "(anon)"} ${n?.callFrame.url.split("/").pop()}:${n?.callFrame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
    say(`  ${v.toFixed(1)} ms ${k}`);
}
