import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { loadCatalogue, useLocale } from "./i18n";
import "./styles.css";

const { locale } = useLocale.getState();
document.documentElement.lang = locale;
const root = document.getElementById("root");
// The reader's language's words first (one small chunk), then the first screen.
void loadCatalogue(locale).then(() => {
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  }
});
