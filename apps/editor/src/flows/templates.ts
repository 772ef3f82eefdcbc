/**
 * The example flows (examples/*.json at the repository's root) as templates to start a flow
 * from: their exact files, loaded when the gallery opens (not with the flows list).
 */
const FILES = import.meta.glob<string>("../../../../examples/*.json", {
  query: "?raw",
  import: "default",
});

/** A step of a template's picture: where it sits and what role it has. */
export interface TemplateStep {
  x: number;
  y: number;
  role: "start" | "step" | "note";
}

export interface Template {
  id: string;
  /** The file's own name and description (English), for a template the editor has no words of. */
  name: string;
  description: string;
  languages: string[];
  steps: TemplateStep[];
  /** Pairs of indexes into `steps`. */
  links: [number, number][];
  /** The file's text, imported as it is (with the name the marketer gives it). */
  text: string;
}

interface FileShape {
  id: string;
  name: string;
  description?: string;
  languages?: string[];
  nodes: { id: string; type: string; position: { x: number; y: number } }[];
  edges: { source: string; target: string }[];
}

/** The welcome flow first (what a newcomer wants), then by name. */
const FIRST = ["welcome", "order-tracking", "lead-capture", "support"];

export async function loadTemplates(): Promise<Template[]> {
  const texts = await Promise.all(Object.values(FILES).map((load) => load()));
  const templates = texts.map((text): Template => {
    const file = JSON.parse(text) as FileShape;
    const index = new Map(file.nodes.map((n, i) => [n.id, i]));
    return {
      id: file.id,
      name: file.name,
      description: file.description ?? "",
      languages: file.languages ?? ["en"],
      steps: file.nodes.map((n) => ({
        x: n.position.x,
        y: n.position.y,
        role: n.type === "trigger" ? "start" : n.type === "note" ? "note" : "step",
      })),
      links: file.edges.flatMap((e): [number, number][] => {
        const from = index.get(e.source);
        const to = index.get(e.target);
        return from === undefined || to === undefined ? [] : [[from, to]];
      }),
      text,
    };
  });
  const rank = (id: string) => (FIRST.includes(id) ? FIRST.indexOf(id) : FIRST.length);
  return templates.sort((a, b) => rank(a.id) - rank(b.id) || a.name.localeCompare(b.name));
}

/** The template's file with the name the new flow is to have. */
export function namedCopy(template: Template, name: string): string {
  return JSON.stringify({ ...(JSON.parse(template.text) as object), name });
}
