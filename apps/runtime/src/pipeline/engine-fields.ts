import type { ContactRow } from "../store/contacts";

/**
 * The contact's fields as a flow reads them (`{{contact.first_name}}`, `{{contact.name}}`): the
 * stored fields with the profile's name and locale on top.
 */
export function engineFields(contact: ContactRow): Record<string, string> {
  const fields: Record<string, string> = { ...contact.fields };
  if (contact.firstName) fields.first_name = contact.firstName;
  if (contact.lastName) fields.last_name = contact.lastName;
  const name = [contact.firstName, contact.lastName].filter(Boolean).join(" ");
  if (name) fields.name = name;
  if (contact.locale) fields.locale = contact.locale;
  return fields;
}
