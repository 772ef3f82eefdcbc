/**
 * A speech bubble is cut at 140 px (steps.css, .m-bubble-long) only when its text may be taller
 * than that: a clip is one more paint chunk per step on each pan and zoom frame, and most bubbles
 * are a line or three. The estimate errs long: 24 characters a line where the bubble holds about
 * 29, and a bubble of 6 lines (13-px text) is some 110 px high.
 */
const LINES_UNCUT = 6;
const CHARS_PER_LINE = 24;

export function bubbleClass(text: string | undefined, extraLines = 0): string {
  let lines = extraLines;
  for (const paragraph of (text ?? "").split("\n"))
    lines += Math.max(1, Math.ceil(paragraph.length / CHARS_PER_LINE));
  return lines > LINES_UNCUT ? " m-bubble-long" : "";
}
