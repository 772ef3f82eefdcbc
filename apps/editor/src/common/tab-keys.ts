/**
 * Where a key moves the selection in a row of tabs (the ARIA tabs pattern): Left and Right step
 * and wrap around, Home and End go to the ends; any other key is not the tabs' (undefined).
 */
export function tabAfterKey(key: string, index: number, count: number): number | undefined {
  if (count === 0) return undefined;
  switch (key) {
    case "ArrowRight":
      return (index + 1) % count;
    case "ArrowLeft":
      return (index - 1 + count) % count;
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return undefined;
  }
}
