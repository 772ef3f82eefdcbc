import { setOwn } from "./run";
import type { Contact, EngineAction } from "./types";

/** What a step's actions do to the contact the host keeps, besides what is sent. */
export interface ContactChanges {
  /** The contact after the step (the one given, where nothing changed; never changed in place). */
  contact: Contact;
  tagsChanged: boolean;
  fieldsChanged: boolean;
  /** The bot handed the conversation to a person: until `resumeAt` (ms since epoch), or a human. */
  handover:
    | { resumeAt: number | undefined; passTo?: { appId: string; metadata: string } }
    | undefined;
  /** Timers to keep: at `at`, the host sends `{ type: "timer", timerId }`. */
  timers: { timerId: string; at: number }[];
  /** The conversation reached its end; the session is idle. */
  ended: boolean;
  /** External ids the brand knows the contact by from now on, in order, each once. */
  externalIds: string[];
}

/**
 * Folds one step's actions into the contact state a host keeps: tags, fields, timers, the
 * hand-over and the end. Pure. The runtime's inbox worker and the `Conversation` runner (the
 * simulator, `convo test`, `convo chat`) both use it, so what a marketer tests keeps the contact
 * exactly as production does. Sends, typing and HTTP requests are the host's to carry out in
 * order; this leaves them alone.
 *
 * @example
 * const changes = foldActions({ fields: {}, tags: ["new"] }, [{ type: "add_tag", tag: "vip" }]);
 * changes.contact.tags; // ["new", "vip"]
 */
export function foldActions(contact: Contact, actions: readonly EngineAction[]): ContactChanges {
  let tags: Set<string> | undefined;
  let fields: Record<string, string> | undefined;
  const changes: ContactChanges = {
    contact,
    tagsChanged: false,
    fieldsChanged: false,
    handover: undefined,
    timers: [],
    ended: false,
    externalIds: [],
  };
  for (const action of actions) {
    switch (action.type) {
      case "add_tag":
        tags ??= new Set(contact.tags);
        tags.add(action.tag);
        break;
      case "remove_tag":
        tags ??= new Set(contact.tags);
        tags.delete(action.tag);
        break;
      case "set_field":
        fields ??= { ...contact.fields };
        // A field may be named `__proto__`: stored as a field, like the engine does.
        setOwn(fields, action.field, action.value);
        break;
      case "wait_until":
        changes.timers.push({ timerId: action.timerId, at: action.at });
        break;
      case "handover":
        changes.handover = action.passTo
          ? { resumeAt: action.resumeAt, passTo: action.passTo }
          : { resumeAt: action.resumeAt };
        break;
      case "end":
        changes.ended = true;
        break;
      case "remember":
        if (!changes.externalIds.includes(action.externalId)) {
          changes.externalIds.push(action.externalId);
        }
        break;
      default:
        // send, typing, http, track, error: carried out by the host, in order.
        break;
    }
  }
  if (tags || fields) {
    changes.tagsChanged = tags !== undefined;
    changes.fieldsChanged = fields !== undefined;
    changes.contact = { tags: tags ? [...tags] : contact.tags, fields: fields ?? contact.fields };
  }
  return changes;
}
