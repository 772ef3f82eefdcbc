import type { Template } from "./templates";

const STEP = { width: 180, height: 70 };
const COLOURS = { start: "#12805c", step: "#0866ff", note: "#e7b416" };

/** A template drawn small: its steps where the file puts them, and their connections. */
export function TemplatePicture({ template }: { template: Template }) {
  const { steps, links } = template;
  if (steps.length === 0) return null;
  const xs = steps.map((s) => s.x);
  const ys = steps.map((s) => s.y);
  const left = Math.min(...xs) - 20;
  const top = Math.min(...ys) - 20;
  const width = Math.max(...xs) + STEP.width + 20 - left;
  const height = Math.max(...ys) + STEP.height + 20 - top;
  const centre = (i: number) => {
    const s = steps[i] as (typeof steps)[number];
    return { x: s.x + STEP.width / 2, y: s.y + STEP.height / 2 };
  };
  return (
    <svg
      className="template-picture"
      viewBox={`${left} ${top} ${width} ${height}`}
      preserveAspectRatio="xMidYMid meet"
      aria-hidden="true"
    >
      {links.map(([from, to], i) => {
        const a = centre(from);
        const b = centre(to);
        // biome-ignore lint/suspicious/noArrayIndexKey: a picture's lines, never reordered
        return <line key={i} x1={a.x} y1={a.y} x2={b.x} y2={b.y} className="template-link" />;
      })}
      {steps.map((s, i) => (
        <rect
          // biome-ignore lint/suspicious/noArrayIndexKey: a picture's boxes, never reordered
          key={i}
          x={s.x}
          y={s.y}
          width={STEP.width}
          height={STEP.height}
          rx={14}
          fill={COLOURS[s.role]}
        />
      ))}
    </svg>
  );
}
