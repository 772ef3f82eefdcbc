import { aiEn } from "./ai-en";

/** English, the reference catalogue: every key here must exist in every other language. */
export const en = {
  ...aiEn,
  "common.loading": "Loading…",
  "common.offline": "The runtime cannot be reached. Check your connection.",
  "common.language": "Language",
  "common.cancel": "Cancel",
  "common.close": "Close",
  "common.remove": "Remove",
  /** A name and its value, as the canvas shows them: "contains: parcel" (French adds a space). */
  "common.labelled": "{label}: {value}",

  "signIn.intro": "Or, for automation, the admin token of this Convo runtime.",
  "signIn.withEmailIntro": "Sign in with your e-mail address and password.",
  "signIn.email": "E-mail address",
  "signIn.password": "Password",
  "signIn.withEmail": "Sign in with e-mail",
  "signIn.wrongPassword": "Wrong e-mail address or password.",
  "signIn.locked":
    "Too many failed sign-ins: this account is locked for now. Try again after {time}.",
  "signIn.invalidLink":
    "This link is not valid any more: it was used already, or it expired. Ask the owner for a new one.",
  "signIn.token": "Admin token",
  "signIn.submit": "Sign in",
  "signIn.wrongToken": "This token is not accepted.",
  "signIn.signOut": "Sign out",
  "settings.open": "Settings",
  "account.open": "My account",
  "page.open": "Messenger profile",

  "error.flowExists": "A flow with this id already exists.",
  "error.notFound": "This flow does not exist (any more).",
  "error.unauthorized": "Your session has ended; sign in again.",
  "error.flowClash":
    "Another live flow, “{other}”, answers the same thing. {detail} Change the trigger, or pause “{other}” first.",
  "error.server": "The runtime refused: {message}",

  "status.echoesMissing":
    "Your Page does not send Convo its message echoes. Without them Convo cannot see a person answering in the Page Inbox (the bot keeps talking), and a message in flight during a crash or a slow answer from Meta can reach a customer twice. In Meta for Developers, subscribe the app to message_echoes (Messenger → Settings → Webhooks).",
  "status.pageBlocked":
    "Meta has blocked your Page from sending messages ({reason}). Until Meta lifts it, Convo's answers are refused. See the Page's quality in Meta Business Suite and ask for a review there.",
  "status.pageBlockedNoReason": "no reason given",
  "editor.backToList": "Back to the flows",
  "editor.tools": "Editing tools",
  "editor.undo": "Undo",
  "editor.redo": "Redo",
  "editor.redoKeys": "Ctrl+Shift+Z",
  "editor.layout": "Tidy up",
  "editor.fit": "Fit",
  "editor.search": "Find",

  "save.saved": "Saved",
  "save.pending": "Changes not saved yet",
  "save.saving": "Saving…",
  "save.offline": "Offline: kept on this device",
  "save.conflict": "Changed elsewhere",
  "save.error": "Not saved",
  "save.conflictText":
    "Someone saved this flow from another tab or device. Which version do you keep?",
  "save.reloadTheirs": "Load theirs (drop mine)",
  "save.overwrite": "Keep mine (overwrite)",
  "save.offlineText":
    "You are offline. Your changes are kept on this device and sent when the connection is back.",
  "save.errorText": "The runtime refused this draft:",

  "publish.button": "Publish",
  "publish.title": "Publish this flow",
  "publish.note": "What changed? (optional)",
  "publish.confirm": "Publish now",
  "publish.refused": {
    one: "Cannot publish: fix the error in Problems first.",
    other: "Cannot publish: fix the {count} errors in Problems first.",
  },
  "publish.notSaved": "The draft could not be saved, so it was not published.",
  "publish.done": "Published as version {version}.",

  "canvas.palette": "Steps to add",
  "canvas.paletteHint": "Drag onto the canvas, or press to add in the middle",
  "canvas.addStep": "Add a step",
  "canvas.controls": "Zoom controls",
  "canvas.overview": "Overview of the flow’s {count} steps. Zoom in to edit them one by one.",
  "canvas.minimap": "Overview map",
  "canvas.stepKeys":
    "Enter or Space selects the step, the arrows move it, C connects it to another step, Delete removes it.",
  "canvas.connectionKeys": "Enter or Space selects the connection, Delete removes it.",
  "canvas.moved": "Step moved to x {x}, y {y}.",
  "canvas.zoomIn": "Zoom in",
  "canvas.zoomOut": "Zoom out",
  "canvas.fitView": "Fit the flow to the screen",
  "canvas.lock": "Lock or unlock moving the steps",
  "canvas.handle": "Connection point",

  "panel.sidebar": "Side panel",
  "panel.inspector": "Step",
  "panel.problems": "Problems",
  "panel.variables": "Variables",
  "panel.versions": "Versions",

  "canvas.channel": "Steps as on",
  "canvas.channelHint": "How each step looks on this channel; the test panel plays the same one",
  "translations.canvasLanguage": "Texts in",
  "translations.missingOnStep": {
    one: "{count} text not yet in {language}: shown in the default language",
    other: "{count} texts not yet in {language}: shown in the default language",
  },

  "type.trigger": "Start",
  "type.message": "Message",
  "type.input": "Question",
  "type.condition": "Condition",
  "type.action": "Action",
  "type.delay": "Delay",
  "type.randomizer": "Randomizer",
  "type.handover": "Human handover",
  "type.notify": "Notify the team",
  "type.goto": "Go to flow",
  "type.note": "Sticky note",

  "node.emptyText": "Empty text",
  "note.empty": "Write a note…",
  "handover.summary": "A person takes over; the bot pauses.",
  "notify.withVariables": "Sent with {names} and a link to the conversation.",
  "notify.withLink": "Sent with a link to the conversation.",

  "output.next": "Next",
  "output.else": "Else",
  "output.anythingElse": "Anything else",
  "output.invalid": "Invalid answer",
  "output.timeout": "No answer",
  "output.error": "Error",
  "output.branch": "Branch {n}",
  "output.variant": "Variant {letter}",

  "block.text": "Text",
  "block.image": "Image",
  "block.video": "Video",
  "block.audio": "Audio",
  "block.file": "File",
  "block.cards": "Card gallery",
  "block.typing": "Typing pause",

  "trigger.event": "Event from your systems",
  "trigger.keyword": "Keywords",
  "trigger.ref": "Link or ad (ref)",
  "trigger.postback": "Menu payload",
  "trigger.get_started": "Get Started button",
  "trigger.default": "Default reply",
  "trigger.comment": "Comment on a post",
  "trigger.anyComment": "any comment",

  "match.contains": "contains",
  "match.exact": "is exactly",
  "match.starts_with": "starts with",

  "validation.text": "Text",
  "validation.number": "Number",
  "validation.email": "Email",
  "validation.phone": "Phone",
  "validation.date": "Date",
  "validation.choice": "Choice",

  "condition.and": "and",
  "condition.or": "or",
  "condition.always": "always",

  "op.equals": "equals",
  "op.not_equals": "is not",
  "op.contains": "contains",
  "op.not_contains": "does not contain",
  "op.starts_with": "starts with",
  "op.greater_than": "is greater than",
  "op.less_than": "is less than",
  "op.is_set": "is set",
  "op.is_empty": "is empty",
  "op.matches": "matches pattern",
  "op.has": "has tag",
  "op.has_not": "has not tag",

  "step.set_variable": "Set variable",
  "step.remember": "Remember the contact as",
  "step.add_tag": "Add tag",
  "step.remove_tag": "Remove tag",
  "step.set_field": "Set contact field",
  "step.http": "HTTP request",

  "step.set_language": "Set the contact's language",
  "unit.seconds": { one: "{count} second", other: "{count} seconds" },
  "unit.minutes": { one: "{count} minute", other: "{count} minutes" },
  "unit.hours": { one: "{count} hour", other: "{count} hours" },
  "unit.days": { one: "{count} day", other: "{count} days" },

  "problems.hasErrors": "This step has errors",
  "problems.hasWarnings": "This step has warnings",

  "versions.viewing": "You are looking at version {version} (read-only).",
  "versions.draftDiffers": "Draft differs from live",
  "versions.draftDiffersHint":
    "The draft has changes that the live version ({version}) does not have. Customers get them once you publish.",
  "diff.added": "Added",
  "diff.removed": "Removed",
  "diff.changed": "Changed",
  "notice.close": "Close",
  "notice.closeHint": "Close (Escape)",

  "help.title": "Keyboard shortcuts",

  "problem.clash-keyword":
    "The keyword “{key}” is also a keyword of the flow “{other}”: a customer who types it gets only one of the two flows.",
  "problem.clash-ref":
    "The link ref “{key}” also starts the flow “{other}”: a customer who opens the link gets only one of the two flows.",
  "problem.clash-payload":
    "The payload “{key}” also starts the flow “{other}”: a customer who taps it gets only one of the two flows.",
  "problem.clash-get-started":
    "The flow “{other}” answers Get Started too: a new customer gets only one of the two flows.",
  "problem.clash-event":
    "The event “{key}” also starts the flow “{other}”: each event starts only one of the two flows.",
  "problem.clash-default":
    "The flow “{other}” is the default reply already: only one flow can answer what nothing else matches.",
  "test.button": "Test",
  "analytics.toggle": "Analytics",
  "analytics.period": "Period",
  "analytics.today": "Today",
  "analytics.7d": "Last 7 days",
  "analytics.30d": "Last 30 days",
  "analytics.entered": "{count} entered",
  "analytics.dropOff": "−{percent} % stopped",
  "livechat.open": "Live chat",
  "error.invalidFlow": "This file is not a flow Convo can open:",
  "error.invalidJson": "This file is not a flow file (it is not JSON).",
  "error.tooLarge": "This file is too large to import.",
  "error.where": "at {path}",
  "error.more": "… and {count} more.",
  "canvas.searchSteps": "Search steps",
  "canvas.noStepMatches": "No step by that name",
  "note.resize": "Drag to resize the note",
  "trigger.intent": "Intent (AI)",
  "problem.clash-intent":
    "The intent “{key}” also starts the flow “{other}”: a customer who means it gets only one of the two flows.",
  "problem.clash-intent-example":
    "The example “{key}” is also an example of an intent of the flow “{other}”: a customer who says it gets only one of the two flows.",
  "problem.sample-secret":
    "The test value of “{name}” looks like a credential. Test values are saved with the flow: use a harmless example, and {{secrets.NAME}} in the request for keys.",
  "test.sandboxChannelHint":
    "The channel the test contact writes on: the published flow answers as on that channel.",
  "livechat.transcriptOn": "Conversation on",
} as const;

export type MessageKey = keyof typeof en;
