/**
 * The runtime's error codes in words (`serverError.<code>`; see `common/errors.ts`, which maps
 * every code the runtime has to a text). Apart from the main catalogue so that they load at a
 * screen's first refused request, not with every flow opened (the first-load budget).
 */
export const errorsEn = {
  "serverError.internal":
    "Something went wrong on the runtime. Try again; if it keeps failing, the runtime's log says why.",
  "serverError.http_error": "The runtime refused this request.",
  "serverError.aborted": "The request was cut off before it arrived. Try again.",
  "serverError.invalid_body": "Some values are not valid:",
  "serverError.invalid_query": "The request's parameters are not valid:",
  "serverError.invalid_path": "This address is not valid.",
  "serverError.forbidden": "Your role does not allow this.",
  "serverError.csrf_failed": "This page is out of date: reload it, then try again.",
  "serverError.insufficient_scope": "This API key may not do that.",
  "serverError.invalid_credentials": "Wrong e-mail address or password.",
  "serverError.too_many_attempts": "Too many failed attempts: wait a moment, then try again.",
  "serverError.invalid_link":
    "This link is not valid any more: it was used already, or it expired.",
  "serverError.not_a_person": "Only a signed-in person has a password.",
  "serverError.wrong_password": "The current password is not right.",
  "serverError.email_taken": "This e-mail address has an account already.",
  "serverError.last_owner": "The team needs at least one owner.",
  "serverError.revision_conflict":
    "The flow was changed elsewhere meanwhile: reload it to see the latest draft.",
  "serverError.lint_errors": "The flow has errors: fix them in Problems, then publish.",
  "serverError.not_published": "This flow is not published.",
  "serverError.invalid_name":
    "A secret's name is capital letters, digits and _, starting with a letter (like SHOP_TOKEN).",
  "serverError.invalid_url": "This is not a web address the runtime can call:",
  "serverError.not_sandbox": "The sandbox is off: this runtime sends to Messenger.",
  "serverError.set_by_environment":
    "The runtime's own settings choose this (its environment variables): change them there.",
  "serverError.webhook_refused": "The runtime's webhook refused the sandbox's message.",
  "serverError.taken": "Someone else has taken this conversation.",
  "serverError.resolved": "This conversation is closed already.",
  "serverError.invalid_idempotency_key": "The Idempotency-Key is 1 to 255 characters.",
  "serverError.no_flow_for_event": "No published flow starts on this event.",
  "serverError.invalid_data": "The event's data does not fit the fields its trigger declares:",
  "serverError.unknown_contact": "No contact has this id.",
  "serverError.batch_too_large": "A batch takes at most 1,000 events: send the rest in another.",
  "serverError.bad_signature": "The message's signature does not match the app secret.",
  "serverError.invalid_webhook": "This is not a message Meta sends.",
  // An imported flow's issues (`common/errors.ts`), with the types they name.
  "importIssue.not_a_flow": "This is not a Convo flow file.",
  "importIssue.newer_version":
    "This flow was made by a newer Convo (version {version}); update this one to open it.",
  "importIssue.schema_version": "The file's version number is not valid.",
  "importIssue.not_json": "This file is not a flow file (it is not JSON).",
  "importIssue.missing": "“{field}” is missing.",
  "importIssue.wrong_type": "“{field}” should be {expected}, not {got}.",
  "importIssue.too_many": "“{field}” has too many items (at most {max}).",
  "importIssue.too_long": "“{field}” is too long (at most {max}).",
  "importIssue.empty": "“{field}” cannot be empty.",
  "importIssue.too_few": {
    one: "“{field}” needs at least {min} item.",
    other: "“{field}” needs at least {min} items.",
  },
  "importIssue.too_small": "“{field}” must be at least {min}.",
  "importIssue.one_of": "“{field}” must be one of {values}.",
  "importIssue.unknown_fields": "Convo does not know {fields} here.",
  "importIssue.invalid": "“{field}” is not valid.",
  "importType.string": "text",
  "importType.number": "a number",
  "importType.boolean": "yes or no",
  "importType.array": "a list",
  "importType.object": "a group of fields",
  "importType.null": "empty",
  "importType.nothing": "nothing",
} as const;

export type ErrorMessageKey = keyof typeof errorsEn;
