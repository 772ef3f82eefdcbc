import {
  type CountryCode,
  findPhoneNumbersInText,
  isSupportedCountry,
} from "libphonenumber-js/min";
import { ORDER_MARK } from "./order-numbers";

/** What an e-mail address becomes in text sent to the model. */
export const EMAIL_MARK = "[email]";
/** What a phone number becomes in text sent to the model. */
export const PHONE_MARK = "[phone]";

/*
 * Loose on purpose: anything shaped like local@domain.tld goes, even if no mail server would take
 * it. Bounded quantifiers keep it linear on long texts.
 */
const EMAIL = /[\p{L}\p{N}._%+'-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,8}/gu;

/** The country of `fr_FR` or `en-GB`, when libphonenumber-js knows its numbering plan. */
function countryOf(locale: string | undefined): CountryCode | undefined {
  const region = /^[a-z]{2,3}[_-]([a-z]{2})$/i.exec(locale ?? "")?.[1]?.toUpperCase();
  return region !== undefined && isSupportedCountry(region) ? region : undefined;
}

/**
 * The contact's text with its e-mail addresses, order numbers (`orderNumbers`, from
 * `orderNumberPattern`) and phone numbers replaced by `[email]`, `[order]` and `[phone]`, before
 * it leaves the runtime for the model. Order numbers go before phones, so the digits of
 * `CMD-0612345678` are not mistaken for a phone number. Phones are found by libphonenumber-js:
 * international ones (`+44 20…`) anywhere, national ones (`06 12 34 56 78`) in the
 * plan of the contact's country, or France's when the locale names none.
 *
 * @example redactContactData("commande A12345, écrivez à ana@mail.fr", "fr_FR", orderNumbers)
 * // "commande [order], écrivez à [email]"
 */
export function redactContactData(text: string, locale?: string, orderNumbers?: RegExp): string {
  let out = text.replace(EMAIL, EMAIL_MARK);
  if (orderNumbers) out = out.replace(orderNumbers, ORDER_MARK);
  const country = countryOf(locale) ?? "FR";
  const found = findPhoneNumbersInText(out, { defaultCountry: country });
  // From the end, so the earlier offsets still hold.
  for (const { startsAt, endsAt } of found.reverse()) {
    out = out.slice(0, startsAt) + PHONE_MARK + out.slice(endsAt);
  }
  return out;
}
