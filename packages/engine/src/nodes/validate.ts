import type { Validation } from "@convo/flow";
import {
  type CountryCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
} from "libphonenumber-js/min";
import { foldWords } from "../text";
import { parseNumber } from "./condition";

export type Validated = { ok: true; value: string; choiceId?: string } | { ok: false };

const INVALID: Validated = { ok: false };
const CURRENCY = /^\s*[€$£]|[€$£]\s*$/g;
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/**
 * Checks an answer and puts it in its canonical form: numbers as `String(number)`, dates as
 * YYYY-MM-DD (from YYYY-MM-DD, or day, month and year in the order of the contact's `locale`:
 * 12/25/2026 for en_US, 25/12/2026 for fr_FR), phones in E.164 (`+33612345678`), checked by
 * libphonenumber-js against the numbering plan of the country of the contact's locale (a number
 * in another country's plan is given with its `+` or `00` prefix).
 */
export function validateAnswer(validation: Validation, answer: string, locale?: string): Validated {
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
      return normalisePhone(text, locale);
    case "date":
      return normaliseDate(text, locale);
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

/** The country of a locale such as `fr_FR` or `en-US`, when libphonenumber-js knows its plan. */
function countryOf(locale: string | undefined): CountryCode | undefined {
  const region = /^[a-z]{2,3}[_-]([a-z]{2})$/i.exec(locale ?? "")?.[1]?.toUpperCase();
  return region !== undefined && isSupportedCountry(region) ? region : undefined;
}

function normalisePhone(text: string, locale: string | undefined): Validated {
  if (!/^[+\d\s().\-/]+$/.test(text)) return INVALID;
  // "+33 (0)6 12 34 56 78": the (0) is the trunk prefix dialled at home, not part of the number.
  let number = text.replace(/\(\s*0\s*\)/, "");
  // "0033 6…": the international prefix most countries dial, whatever the contact's country.
  if (/^00[1-9]/.test(number)) number = `+${number.slice(2)}`;
  const country = countryOf(locale);
  const phone = parsePhoneNumberFromString(number, country ? { defaultCountry: country } : {});
  return phone?.isValid() ? { ok: true, value: phone.number } : INVALID;
}

type DateOrder = "dmy" | "mdy";
const orders = new Map<string, DateOrder>();

/** Whether the locale writes the month before the day (en_US), from Intl; day first otherwise. */
export function dateOrder(locale: string | undefined): DateOrder {
  if (!locale) return "dmy";
  let order = orders.get(locale);
  if (order === undefined) {
    order = "dmy";
    try {
      const parts = new Intl.DateTimeFormat(locale.replace("_", "-"), {
        year: "numeric",
        month: "numeric",
        day: "numeric",
      }).formatToParts(new Date(Date.UTC(2026, 11, 25, 12)));
      const types = parts.map((part) => part.type);
      if (types.indexOf("month") < types.indexOf("day")) order = "mdy";
    } catch {
      // Not a locale Intl knows: day first, as most of the world writes it.
    }
    if (orders.size > 200) orders.clear();
    orders.set(locale, order);
  }
  return order;
}

/** How the locale writes 31 December 2025 with numbers, for the retry sentence. */
export const dateExample = (locale: string | undefined) =>
  dateOrder(locale) === "mdy" ? "12/31/2025" : "31/12/2025";

function normaliseDate(text: string, locale: string | undefined): Validated {
  let m = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(text);
  let year: number;
  let month: number;
  let day: number;
  if (m) [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
    if (!m) return INVALID;
    const [first, second] = [Number(m[1]), Number(m[2])];
    [day, month] = dateOrder(locale) === "mdy" ? [second, first] : [first, second];
    year = Number(m[3]);
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
