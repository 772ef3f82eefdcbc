import { beforeAll } from "vitest";
import { loadCatalogue } from "./i18n";

// The app loads the reader's language before its first screen; the unit tests load both.
beforeAll(async () => {
  await loadCatalogue("en");
  await loadCatalogue("fr");
});
