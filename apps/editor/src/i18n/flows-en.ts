/**
 * The words of the list of flows and of importing a file, in English. They load with the list
 * (`loadFlowsWords`), so opening a flow by its link does not download them.
 */
export const flowsEn = {
  "flows.title": "Flows",
  "flows.noMatch": "No flow has “{search}” in its name.",
  "flows.fromTemplate": "From a template…",
  "flows.search": "Search flows by name",
  "flows.newName": "Name of a new flow",
  "flows.create": "Create flow",
  "flows.import": "Import JSON…",
  "flows.dropHint": "Tip: drop a flow JSON file anywhere on this page to import it.",
  "flows.empty": "No flows yet. Create one, or import a JSON file.",
  "flows.name": "Name",
  "flows.status": "Status",
  "flows.steps": "Steps",
  "flows.updated": "Last change",
  "flows.actions": "Actions",
  "flows.neverPublished": "Draft, never published",
  "flows.draftChanges": "Unpublished changes (live: v{version})",
  "flows.published": "Published v{version}",
  "flows.live": "Live",
  "flows.paused": "Paused (v{version} kept)",
  "flows.pause": "Pause",
  "flows.resume": "Resume",
  "flows.pausedNotice":
    "“{name}” is paused: it answers no keyword, link or event until you resume it.",
  "flows.resumedNotice": "“{name}” is live again.",
  "flows.rename": "Rename",
  "flows.duplicate": "Duplicate",
  "flows.export": "Export",
  "flows.delete": "Delete",
  "flows.copyOf": "{name} (copy)",
  "flows.confirmDelete": "Delete the flow “{name}” and all its versions?",
  "flows.imported": "Imported “{name}”.",
  "flows.importedMigrated": "Imported “{name}” (migrated from format version {version}).",

  "import.existsTitle": "“{name}” is already here",
  "import.exists":
    "A flow with the same id ({id}) already exists. What should we do with the file?",
  "import.asCopy": "Import as a copy",
  "import.replace": "Replace the existing flow",
  "import.cancel": "Cancel",
  "import.replaced": "Replaced “{name}” with the file.",
  "flows.showing": "The {shown} latest of {total} flows.",
  "flows.showMore": "Show {count} more",
} as const;

export type FlowsMessageKey = keyof typeof flowsEn;
