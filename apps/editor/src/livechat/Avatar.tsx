/**
 * Initials of a person's name for their avatar: the first letter of the first and last words
 * ("Ann Lee" → "AL", "Zoé" → "Z"); none for an id (a name is not known), which gets a neutral mark.
 */
export function initials(name: string, id: string): string {
  if (name === "" || name === id) return "";
  const words = name.trim().split(/\s+/);
  const first = words[0] ?? "";
  const last = words.length > 1 ? (words[words.length - 1] ?? "") : "";
  return [...first]
    .slice(0, 1)
    .concat([...last].slice(0, 1))
    .join("")
    .toLocaleUpperCase();
}

/** The contact's profile picture, else their initials: a face to find them by in a long queue. */
export function Avatar({
  name,
  id,
  picture,
}: {
  name: string;
  id: string;
  picture: string | null | undefined;
}) {
  // Decorative: the name is written beside it.
  if (picture) return <img className="avatar" src={picture} alt="" />;
  return (
    <span className="avatar" aria-hidden="true">
      {initials(name, id) || "·"}
    </span>
  );
}
