import { type KeyboardEvent, type ReactNode, useRef } from "react";
import { tabAfterKey } from "./tab-keys";

export interface TabItem<T extends string> {
  id: T;
  label: ReactNode;
}

/** The ids a tab and the panel it controls carry: `${prefix}tab-${id}`, `${prefix}panel-${id}`. */
export function tabIds(prefix: string, id: string): { tab: string; panel: string } {
  return { tab: `${prefix}tab-${id}`, panel: `${prefix}panel-${id}` };
}

/**
 * A row of tabs as the ARIA tabs pattern has it: one tab in the Tab order (the selected one, a
 * roving tabindex), Left/Right/Home/End select and focus another, and each names the panel it
 * controls. The panel is the caller's (role="tabpanel" with `tabIds(prefix, selected)`).
 */
export function Tabs<T extends string>({
  tabs,
  selected,
  onSelect,
  prefix = "",
  label,
}: {
  tabs: readonly TabItem<T>[];
  selected: T;
  onSelect: (id: T) => void;
  prefix?: string;
  label?: string;
}) {
  const list = useRef<HTMLDivElement>(null);
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = tabs.findIndex((tab) => tab.id === selected);
    const next = tabAfterKey(event.key, index, tabs.length);
    const tab = next === undefined ? undefined : tabs[next];
    if (!tab) return;
    event.preventDefault();
    // The canvas's own shortcuts (Delete, R…) must not see a key the tabs used.
    event.stopPropagation();
    onSelect(tab.id);
    list.current?.querySelector<HTMLElement>(`#${CSS.escape(tabIds(prefix, tab.id).tab)}`)?.focus();
  }
  return (
    <div className="tabs" role="tablist" aria-label={label} ref={list} onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const ids = tabIds(prefix, tab.id);
        return (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={ids.tab}
            aria-selected={tab.id === selected}
            aria-controls={ids.panel}
            tabIndex={tab.id === selected ? 0 : -1}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
