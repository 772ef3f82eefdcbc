import { beforeAll } from "vitest";
import { loadCatalogue, loadErrorWords, loadPanelWords } from "./i18n";

// The app loads the reader's language before its first screen (and the later panels' words with
// those panels); the unit tests load all of them in both.
beforeAll(async () => {
  await loadPanelWords();
  await loadErrorWords();
  await loadCatalogue("en");
  await loadCatalogue("fr");
});
