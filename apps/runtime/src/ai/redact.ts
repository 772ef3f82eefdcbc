import {
  type CountryCode,
  findPhoneNumbersInText,
  isSupportedCountry,
} from "libphonenumber-js/min";

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
 * The contact's text with its e-mail addresses and phone numbers replaced by `[email]` and
 * `[phone]`, before it leaves the runtime for the model. Numbers are found by libphonenumber-js:
 * international ones (`+44 20…`) anywhere, national ones (`06 12 34 56 78`) in the
 * plan of the contact's country, or France's when the locale names none.
 *
 * @example redactContactData("écrivez à ana@mail.fr ou au 06 12 34 56 78", "fr_FR")
 * // "écrivez à [email] ou au [phone]"
 */
export function redactContactData(text: string, locale?: string): string {
  let out = text.replace(EMAIL, EMAIL_MARK);
  const country = countryOf(locale) ?? "FR";
  const found = findPhoneNumbersInText(out, { defaultCountry: country });
  // From the end, so the earlier offsets still hold.
  for (const { startsAt, endsAt } of found.reverse()) {
    out = out.slice(0, startsAt) + PHONE_MARK + out.slice(endsAt);
  }
  return out;
}
