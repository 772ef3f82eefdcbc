import type { ComponentType } from "react";
import { LocaleSwitch } from "../common/LocaleSwitch";
import { useIsOwner } from "../common/session";
import { type MessageKey, useT } from "../i18n";
import { AiProviderPanel } from "./AiProviderPanel";
import { AuditPanel } from "./AuditPanel";
import { KeysPanel } from "./KeysPanel";
import { PeoplePanel } from "./PeoplePanel";
import { SecretsPanel } from "./SecretsPanel";
import { WebhooksPanel } from "./WebhooksPanel";
import "./settings.css";

/** The sections of the owner's settings, `#/settings/<section>`, in the order of their tabs. */
export const SETTINGS_SECTIONS = ["people", "keys", "webhooks", "audit", "secrets", "ai"] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

/** Each section of the settings: its tab's words and its panel. */
const SECTIONS: Record<SettingsSection, { title: MessageKey; Panel: ComponentType }> = {
  people: { title: "people.title", Panel: PeoplePanel },
  keys: { title: "keys.title", Panel: KeysPanel },
  webhooks: { title: "webhooks.title", Panel: WebhooksPanel },
  audit: { title: "audit.title", Panel: AuditPanel },
  secrets: { title: "secrets.title", Panel: SecretsPanel },
  ai: { title: "aiProvider.title", Panel: AiProviderPanel },
};

/**
 * The owner's settings: people, API keys, events out, the audit log, secrets, the AI provider. Others are told they are the
 * owner's (the server refuses them every call behind these screens anyway).
 */
export default function SettingsPage({ section: asked }: { section: string }) {
  const t = useT();
  // An unknown section (an old bookmark) opens the first one.
  const section = SETTINGS_SECTIONS.find((s) => s === asked) ?? SETTINGS_SECTIONS[0];
  const owner = useIsOwner();
  const { Panel } = SECTIONS[section];
  return (
    <main className="settings-page">
      <header className="topbar">
        <a className="back" href="#/" aria-label={t("livechat.back")}>
          ←
        </a>
        <h1>{t("settings.title")}</h1>
        <div className="spacer" />
        <LocaleSwitch />
      </header>
      {owner ? (
        <>
          <nav className="settings-nav" aria-label={t("settings.nav")}>
            {SETTINGS_SECTIONS.map((s) => (
              <a key={s} href={`#/settings/${s}`} aria-current={s === section ? "page" : undefined}>
                {t(SECTIONS[s].title)}
              </a>
            ))}
          </nav>
          <Panel />
        </>
      ) : (
        <p className="card settings-card" role="alert">
          {t("settings.ownerOnly")}
        </p>
      )}
    </main>
  );
}
