import type { ContactRow } from "./contacts";

/**
 * What `to` knows of a person once `from`'s record joins it (`ContactStore.move`): its own
 * name, locale, picture and fields where it has them, `from`'s otherwise, the tags of both, and
 * `from`'s flow, whose session comes along. Shared by the stores so they merge alike.
 */
export function mergeContact(
  from: ContactRow,
  to: ContactRow,
): Pick<
  ContactRow,
  "firstName" | "lastName" | "locale" | "profilePic" | "fields" | "tags" | "currentFlow"
> {
  return {
    firstName: to.firstName ?? from.firstName,
    lastName: to.firstName === null ? from.lastName : to.lastName,
    locale: to.locale ?? from.locale,
    profilePic: to.profilePic ?? from.profilePic,
    fields: { ...from.fields, ...to.fields },
    tags: [...new Set([...to.tags, ...from.tags])],
    currentFlow: from.currentFlow ?? to.currentFlow,
  };
}
