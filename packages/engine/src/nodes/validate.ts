import type { Validation } from "@convo/flow";
import { foldWords } from "../text";
import { parseNumber } from "./condition";

export type Validated = { ok: true; value: string; choiceId?: string } | { ok: false };

const INVALID: Validated = { ok: false };
const CURRENCY = /^\s*[€$£]|[€$£]\s*$/g;
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/**
 * Checks an answer and puts it in its canonical form: numbers as `String(number)`, dates as
 * YYYY-MM-DD (from YYYY-MM-DD or DD/MM/YYYY), phones as digits with a leading `+` when the
 * contact gave an international prefix.
 */
export function validateAnswer(validation: Validation, answer: string): Validated {
  const text = answer.trim();
  switch (validation.kind) {
    case "text": {
      if (text === "") return INVALID;
      const length = [...text].length;
      if (validation.minLength !== undefined && length < validation.minLength) return INVALID;
      if (validation.maxLength !== undefined && length > validation.maxLength) return INVALID;
      return { ok: true, value: text };
    }
    case "number": {
      // An amount typed with its currency ("500 €", "€12,50") is still the number asked for.
      const value = parseNumber(text.replace(CURRENCY, ""));
      if (value === undefined) return INVALID;
      if (validation.integer && !Number.isInteger(value)) return INVALID;
      if (validation.min !== undefined && value < validation.min) return INVALID;
      if (validation.max !== undefined && value > validation.max) return INVALID;
      return { ok: true, value: String(value) };
    }
    case "email":
      return text.length <= 254 && EMAIL.test(text) ? { ok: true, value: text } : INVALID;
    case "phone":
      return normalisePhone(text);
    case "date":
      return normaliseDate(text);
    case "choice": {
      // Over words, so "OUI !" picks "Oui" and "plus tard merci." picks "Plus tard, merci".
      const folded = foldWords(text);
      const choice = validation.choices.find(
        (c) =>
          foldWords(c.title) === folded || (c.value !== undefined && foldWords(c.value) === folded),
      );
      return choice
        ? { ok: true, value: choice.value ?? choice.title, choiceId: choice.id }
        : INVALID;
    }
  }
}

function normalisePhone(text: string): Validated {
  if (!/^[+\d\s().\-/]+$/.test(text)) return INVALID;
  let digits = text.replace(/\D/g, "");
  const international = text.startsWith("+") || digits.startsWith("00");
  if (international) {
    // "+33 (0)6 12 34 56 78": the (0) is the trunk prefix dialled at home, not part of the number.
    digits = text.replace(/\(\s*0\s*\)/, "").replace(/\D/g, "");
    if (!text.startsWith("+")) digits = digits.slice(2);
  }
  if (digits.length < 6 || digits.length > 15) return INVALID;
  return { ok: true, value: international ? `+${digits}` : digits };
}

function normaliseDate(text: string): Validated {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  let year: number;
  let month: number;
  let day: number;
  if (m) [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
    if (!m) return INVALID;
    [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return INVALID;
  }
  const pad = (n: number, w: number) => String(n).padStart(w, "0");
  return { ok: true, value: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` };
}
