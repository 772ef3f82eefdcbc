/**
 * Templating is `{{name}}`, `{{contact.first_name}}` or `{{name|fallback}}`. It substitutes text
 * and nothing else: there is no expression language and user text is never evaluated.
 *
 * One pass, over the flow author's text only: a substituted value (a contact's answer, a variable,
 * an API's answer) is never read as a template again, so a customer who types `{{secrets.KEY}}`
 * gets those characters sent, never the key. `{{secrets.NAME}}` is filled by the runtime only at
 * the places the author wrote it in an HTTP step, which `renderTemplateKeeping` reports; anything
 * that templates later (events out, AI prompts) follows the same rule.
 */
const TEMPLATE =
  /\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)\s*(?:\|([^{}]*))?\}\}/g;

/**
 * Namespaces that are not flow variables. `secrets.*` is only filled in by the runtime; `event.*`
 * is the data of the event that started the flow.
 */
export const TEMPLATE_NAMESPACES = ["contact", "system", "secrets", "event"] as const;

export interface TemplateReference {
  /** The whole reference, `contact.first_name` or `order_number`. */
  name: string;
  /** `contact`, `system`, `secrets`, `event`, or undefined for a flow variable. */
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
  // `exec` on the shared pattern instead of `matchAll`, which copies the pattern and makes an
  // iterator per text: the lint reads every text of a 5,000-step flow. Nothing runs between two
  // `exec`s, so no other caller sees `lastIndex` midway.
  TEMPLATE.lastIndex = 0;
  for (let match = TEMPLATE.exec(text); match !== null; match = TEMPLATE.exec(text)) {
    found.push(toReference(match[1] as string));
  }
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

/** A reference `lookup` declined, as it sits in the rendered text. */
export interface KeptReference {
  /** Offset of its `{{` in the result. */
  at: number;
  /** Its length as written, `{{` to `}}`. */
  length: number;
  reference: TemplateReference;
}

/**
 * `renderTemplate` that also says where each reference `lookup` declined (`null`) sits in the
 * result, so the host can fill those and only those (secrets in an HTTP step). `lookup` is told
 * where the reference sits in `text` (a value at the very start of a URL is not escaped).
 *
 * @example renderTemplateKeeping("Bearer {{secrets.K}}", () => null).kept // [{ at: 7, length: 13, … }]
 */
export function renderTemplateKeeping(
  text: string,
  lookup: (reference: TemplateReference, offset: number) => string | undefined | null,
): { text: string; kept: KeptReference[] } {
  const kept: KeptReference[] = [];
  if (!text.includes("{{")) return { text, kept };
  let out = "";
  let last = 0;
  for (const match of text.matchAll(TEMPLATE)) {
    const whole = match[0];
    const at = match.index;
    out += text.slice(last, at);
    last = at + whole.length;
    const reference = toReference(match[1] as string);
    const value = lookup(reference, at);
    if (value === null) {
      kept.push({ at: out.length, length: whole.length, reference });
      out += whole;
    } else {
      out += value === undefined || value === "" ? (match[2]?.trim() ?? "") : value;
    }
  }
  return { text: out + text.slice(last), kept };
}
