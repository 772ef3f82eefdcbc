import { type Flow, knownEventFields, knownVariables } from "@convo/flow";

/** Contact fields every contact has; custom fields are read as `contact.<name>` too. */
export const CONTACT_FIELDS = ["first_name", "last_name", "locale", "psid", "profile_pic"];

/**
 * The `{{` reference being typed at `caret`, if any: where it starts and what is typed so far.
 * `Hi {{con|` gives `{ start: 5, partial: "con" }`; a closed `{{name}}` gives null.
 */
export function openReference(
  text: string,
  caret: number,
): { start: number; partial: string } | null {
  const before = text.slice(0, caret);
  const open = before.lastIndexOf("{{");
  if (open === -1 || before.indexOf("}}", open) !== -1) return null;
  const partial = before.slice(open + 2);
  if (!/^\s*[A-Za-z0-9_.]*$/.test(partial)) return null;
  return { start: open + 2, partial: partial.trim() };
}

/** The flow's own names a `{{` may read: its variables, then the fields its event triggers declare. */
export function referenceNames(flow: Flow): string[] {
  return [...knownVariables(flow), ...knownEventFields(flow)];
}

/** What may follow `{{`: flow variables first, then contact fields, filtered by what is typed. */
export function referenceSuggestions(variables: readonly string[], partial: string): string[] {
  const all = [...variables, ...CONTACT_FIELDS.map((f) => `contact.${f}`)];
  const lower = partial.toLowerCase();
  return all.filter((name) => name.toLowerCase().startsWith(lower) && name !== partial).slice(0, 8);
}

/** The text with the open reference completed as `{{name}}`, and where the caret goes. */
export function completeReference(
  text: string,
  caret: number,
  name: string,
): { text: string; caret: number } | null {
  const open = openReference(text, caret);
  if (!open) return null;
  const after = text.slice(caret);
  const closing = after.startsWith("}}") ? "" : "}}";
  const next = `${text.slice(0, open.start)}${name}${closing}${after}`;
  return { text: next, caret: open.start + name.length + 2 };
}
