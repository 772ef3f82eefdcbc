/**
 * The list after typing `typed` into a chips field: each piece between commas becomes a chip,
 * trimmed; empty pieces and chips already there (case- and accent-insensitive) are dropped.
 *
 * @example addChips(["colis"], "Suivi, COLIS,") // ["colis", "Suivi"]
 */
export function addChips(current: readonly string[], typed: string): string[] {
  const fold = (s: string) =>
    s
      .normalize("NFD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase();
  const next = current.filter((c) => c.trim() !== "");
  const seen = new Set(next.map(fold));
  for (const piece of typed.split(",")) {
    const chip = piece.trim();
    if (chip === "" || seen.has(fold(chip))) continue;
    seen.add(fold(chip));
    next.push(chip);
  }
  return next;
}
