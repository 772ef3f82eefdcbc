/**
 * A text whose words follow a number, `{count}`: "1 entré", "2 entrés". The form is picked by the
 * language's own rule (`Intl.PluralRules`: French says "0 entré" where English says "0 entries"),
 * so a language with more forms ("few", "many") gives them beside these two.
 */
export type Plural = { one: string; other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;
/** A catalogue's value: a text, or a text by number. */
export type Message = string | Plural;

const rules = new Map<string, Intl.PluralRules>();

/** The wording of `message` for `count` in `locale` (a plain text is its own wording). */
export function pluralForm(locale: string, message: Message, count: unknown): string {
  if (typeof message === "string") return message;
  let rule = rules.get(locale);
  if (!rule) {
    rule = new Intl.PluralRules(locale);
    rules.set(locale, rule);
  }
  return message[rule.select(Number(count ?? 0))] ?? message.other;
}

/** Every wording a message has, for the tests that read all the words. */
export function messageForms(message: Message): string[] {
  return typeof message === "string" ? [message] : Object.values(message);
}
