import {
  type DragEvent,
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { ApiError, type FlowSummary } from "../api/client";
import { downloadText } from "../common/download";
import { describeError } from "../common/errors";
import { LocaleSwitch } from "../common/LocaleSwitch";
import { notify } from "../common/notices";
import { navigate } from "../common/route";
import { useApi, useIsOwner, useSession } from "../common/session";
import { loadPanelWords, useLocale, useT } from "../i18n";
import { EchoesBanner } from "./EchoesBanner";
import { type FlowActions, FlowRow } from "./FlowRow";
import { PolicyBanner } from "./PolicyBanner";

/** The examples and their pictures load when someone asks for them, not with the list. */
const TemplateGallery = lazy(() =>
  Promise.all([import("./TemplateGallery"), loadPanelWords()]).then(([m]) => m),
);

/**
 * Rows drawn at once, and added by each "Show more": a brand with 500 flows sees its latest 50 at
 * once (the list is newest first), and the search looks through all of them. Drawing every row
 * of such a list was most of its opening (layout and style of some 7,000 elements).
 */
const PAGE = 50;

export function FlowsList() {
  const t = useT();
  const api = useApi();
  const signOut = useSession((s) => s.signOut);
  const owner = useIsOwner();
  // A person signed in (not the admin token) has an account of their own.
  const person = useSession((s) => (s.who?.id ?? null) !== null);
  const [flows, setFlows] = useState<FlowSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [search, setSearch] = useState("");
  const [shown, setShown] = useState(PAGE);
  const [newName, setNewName] = useState("");
  const [dragging, setDragging] = useState(false);
  const [gallery, setGallery] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  /** A file whose flow id is taken, waiting for "as a copy" or "replace". */
  const [conflict, setConflict] = useState<{ text: string; id: string; name: string } | null>(null);

  const run = useCallback(
    async (action: () => Promise<unknown>) => {
      setError(null);
      try {
        await action();
        const { flows } = await api.listFlows();
        setFlows(flows);
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) signOut();
        setError(describeError(t, e));
        setFlows((current) => current ?? []);
      }
    },
    [api, signOut, t],
  );

  useEffect(() => {
    void run(async () => undefined);
  }, [run]);

  async function importFiles(files: FileList | null) {
    setConflict(null);
    for (const file of Array.from(files ?? [])) {
      const text = await file.text();
      await run(async () => {
        try {
          const detail = await api.importFlow(text);
          notify(
            "success",
            detail.migratedFrom !== undefined
              ? t("flows.importedMigrated", { name: detail.name, version: detail.migratedFrom })
              : t("flows.imported", { name: detail.name }),
          );
        } catch (error) {
          if (!(error instanceof ApiError && error.code === "flow_exists")) throw error;
          setConflict({ text, ...documentName(text) });
        }
      });
    }
  }

  function resolveConflict(as: "copy" | "replace") {
    if (!conflict) return;
    const { text, name } = conflict;
    setConflict(null);
    void run(async () => {
      const detail = await api.importFlow(
        text,
        as === "copy" ? { copy: t("flows.copyOf", { name }) } : { replace: true },
      );
      notify(
        "success",
        as === "copy"
          ? t("flows.imported", { name: detail.name })
          : t("import.replaced", { name: detail.name }),
      );
    });
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    void importFiles(event.dataTransfer.files);
  }

  const actions = useMemo<FlowActions>(
    () => ({
      rename: (flow, name) => void run(() => api.renameFlow(flow.id, name)),
      duplicate: (flow) =>
        void run(() =>
          api.duplicateFlow(flow.id, { name: t("flows.copyOf", { name: flow.name }) }),
        ),
      delete: (flow) => {
        if (window.confirm(t("flows.confirmDelete", { name: flow.name }))) {
          void run(() => api.deleteFlow(flow.id));
        }
      },
      export: (flow) =>
        void run(async () => downloadText(`${flow.id}.json`, await api.exportFlow(flow.id))),
      togglePause: (flow) =>
        void run(async () => {
          const paused = flow.pausedAt !== null;
          await (paused ? api.resumeFlow(flow.id) : api.pauseFlow(flow.id));
          const key = paused ? "flows.resumedNotice" : "flows.pausedNotice";
          notify("success", t(key, { name: flow.name }), { key: "pause" });
        }),
    }),
    [api, run, t],
  );

  const query = search.trim().toLowerCase();
  const matching = useMemo(
    () =>
      query === ""
        ? (flows ?? [])
        : (flows ?? []).filter((f) => f.name.toLowerCase().includes(query)),
    [flows, query],
  );
  const rows = matching.slice(0, shown);

  return (
    <main
      className={`flows-page${dragging ? " dropping" : ""}`}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes("Files")) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <header className="topbar">
        <h1 className="brand">Convo</h1>
        <div className="spacer" />
        <a href="#/contacts">{t("livechat.open")}</a>
        <a href="#/settings/page">{t("page.open")}</a>
        {owner && <a href="#/settings/people">{t("settings.open")}</a>}
        {person && <a href="#/account">{t("account.open")}</a>}
        <LocaleSwitch />
        <button type="button" onClick={signOut}>
          {t("signIn.signOut")}
        </button>
      </header>
      <EchoesBanner />
      <PolicyBanner />
      <section className="flows card">
        <div className="flows-head">
          <h2>{t("flows.title")}</h2>
          <label className="search">
            <span className="visually-hidden">{t("flows.search")}</span>
            <input
              type="search"
              placeholder={t("flows.search")}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
          </label>
        </div>
        <form
          className="flows-create"
          onSubmit={(e) => {
            e.preventDefault();
            const name = newName.trim();
            if (!name) return;
            void run(async () => {
              const detail = await api.createFlow(name, useLocale.getState().locale);
              setNewName("");
              navigate({ screen: "flow", flowId: detail.id });
            });
          }}
        >
          <label className="field inline">
            <span className="visually-hidden">{t("flows.newName")}</span>
            <input
              placeholder={t("flows.newName")}
              value={newName}
              onChange={(e) => setNewName(e.target.value)}
            />
          </label>
          <button type="submit" className="primary" disabled={newName.trim() === ""}>
            {t("flows.create")}
          </button>
          <button type="button" onClick={() => setGallery(true)}>
            {t("flows.fromTemplate")}
          </button>
          <button type="button" onClick={() => fileInput.current?.click()}>
            {t("flows.import")}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            hidden
            data-testid="import-file"
            onChange={(e) => {
              void importFiles(e.target.files);
              e.target.value = "";
            }}
          />
        </form>
        <p className="hint">{t("flows.dropHint")}</p>
        {gallery && (
          <Suspense fallback={<p className="loading">{t("common.loading")}</p>}>
            <TemplateGallery initialName={newName.trim()} onClose={() => setGallery(false)} />
          </Suspense>
        )}
        {error && (
          <p className="error pre" role="alert">
            {error}
          </p>
        )}
        {conflict && (
          <div
            className="import-conflict card"
            role="alertdialog"
            aria-labelledby="import-conflict-title"
          >
            <h3 id="import-conflict-title">{t("import.existsTitle", { name: conflict.name })}</h3>
            <p>{t("import.exists", { id: conflict.id })}</p>
            <div className="row wrap">
              <button type="button" className="primary" onClick={() => resolveConflict("copy")}>
                {t("import.asCopy")}
              </button>
              <button type="button" onClick={() => resolveConflict("replace")}>
                {t("import.replace")}
              </button>
              <button type="button" onClick={() => setConflict(null)}>
                {t("import.cancel")}
              </button>
            </div>
          </div>
        )}
        {flows === null ? (
          <p className="loading" aria-busy="true">
            {t("common.loading")}
          </p>
        ) : flows.length === 0 ? (
          <p className="empty">{t("flows.empty")}</p>
        ) : (
          <table className="flows-table">
            <thead>
              <tr>
                <th scope="col">{t("flows.name")}</th>
                <th scope="col">{t("flows.status")}</th>
                <th scope="col">{t("flows.steps")}</th>
                <th scope="col">{t("flows.updated")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("flows.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((flow) => (
                <FlowRow key={flow.id} flow={flow} actions={actions} />
              ))}
            </tbody>
          </table>
        )}
        {matching.length > rows.length && (
          <p className="flows-more">
            <span role="status">
              {t("flows.showing", { shown: rows.length, total: matching.length })}
            </span>{" "}
            <button type="button" onClick={() => setShown((n) => n + PAGE)}>
              {t("flows.showMore", { count: Math.min(PAGE, matching.length - rows.length) })}
            </button>
          </p>
        )}
        {flows !== null && flows.length > 0 && matching.length === 0 && (
          <p className="empty" role="status">
            {t("flows.noMatch", { search: search.trim() })}
          </p>
        )}
      </section>
    </main>
  );
}

/** The id and name a (valid: the runtime read it) flow file holds. */
function documentName(text: string): { id: string; name: string } {
  const document = JSON.parse(text) as { id?: unknown; name?: unknown };
  const id = String(document.id ?? "");
  return { id, name: typeof document.name === "string" ? document.name : id };
}
