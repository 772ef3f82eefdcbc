/**
 * Templating is `{{name}}`, `{{contact.first_name}}` or `{{name|fallback}}`. It substitutes text
 * and nothing else: there is no expression language and user text is never evaluated.
 */
const TEMPLATE =
  /\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)\s*(?:\|([^{}]*))?\}\}/g;

/** Namespaces that are not flow variables. `secrets.*` is only filled in by the runtime. */
export const TEMPLATE_NAMESPACES = ["contact", "system", "secrets"] as const;

export interface TemplateReference {
  /** The whole reference, `contact.first_name` or `order_number`. */
  name: string;
  /** `contact`, `system`, `secrets`, or undefined for a flow variable. */
  namespace: (typeof TEMPLATE_NAMESPACES)[number] | undefined;
  /** The name inside the namespace (or the variable name). */
  key: string;
}

function toReference(name: string): TemplateReference {
  const dot = name.indexOf(".");
  if (dot === -1) return { name, namespace: undefined, key: name };
  const namespace = name.slice(0, dot);
  const key = name.slice(dot + 1);
  return (TEMPLATE_NAMESPACES as readonly string[]).includes(namespace)
    ? { name, namespace: namespace as TemplateReference["namespace"], key }
    : { name, namespace: undefined, key: name };
}

/** Every `{{…}}` reference in a text, in order. */
export function templateReferences(text: string): TemplateReference[] {
  if (!text.includes("{{")) return [];
  const found: TemplateReference[] = [];
  for (const match of text.matchAll(TEMPLATE)) found.push(toReference(match[1] as string));
  return found;
}

/**
 * Substitutes each reference with what `lookup` returns; an unknown or empty value gives the
 * fallback after `|`, or nothing. References `lookup` declines with `null` are left as written.
 *
 * @example renderTemplate("Hi {{contact.first_name|there}}!", () => undefined) // "Hi there!"
 */
export function renderTemplate(
  text: string,
  lookup: (reference: TemplateReference) => string | undefined | null,
): string {
  if (!text.includes("{{")) return text;
  return text.replace(TEMPLATE, (whole, name: string, fallback: string | undefined) => {
    const value = lookup(toReference(name));
    if (value === null) return whole;
    if (value === undefined || value === "") return fallback?.trim() ?? "";
    return value;
  });
}
