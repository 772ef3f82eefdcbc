/**
 * The name of the person a tester plays, in the editor's simulator and in the runtime's sandbox
 * alike, so `{{contact.first_name}}` reads the same in both (and is never empty while testing).
 */
export const TEST_CONTACT = { first_name: "Sam", last_name: "Sandbox" } as const;
