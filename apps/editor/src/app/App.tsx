import { type ComponentType, lazy, Suspense, useEffect, useState } from "react";
import { Notices } from "../common/Notices";
import { parseRoute, settingsRoute, useRoute } from "../common/route";
import { useSession } from "../common/session";
import { loadFlowsWords, loadPanelWords, loadTeamWords, useT } from "../i18n";
import { liveChatRoute } from "../livechat/route";
import { SignIn } from "./SignIn";

// The list of flows is the first screen, but a flow opened by its link does not need it: its own
// chunk with its words, asked for at once when the app starts anywhere but on a flow.
let flowsList: ComponentType | null = null;
let flowsListLoad: Promise<void> | null = null;
function loadFlowsList(): Promise<void> {
  flowsListLoad ??= Promise.all([import("../flows/FlowsList"), loadFlowsWords()]).then(
    ([m]) => {
      flowsList = m.FlowsList;
    },
    (error: unknown) => {
      flowsListLoad = null; // asked for again on the next visit
      throw error;
    },
  );
  return flowsListLoad;
}
if (typeof window !== "undefined" && parseRoute(window.location.hash).screen === "list") {
  loadFlowsList().catch(() => undefined);
}

/**
 * The list, drawn at once when its chunk is here: not through `lazy` and `Suspense`, whose
 * fallback React keeps on screen for some 300 ms once shown.
 */
function FlowsListScreen() {
  const t = useT();
  const [List, setList] = useState(() => flowsList);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (List) return;
    let live = true;
    loadFlowsList().then(
      () => live && setList(() => flowsList),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [List]);
  if (List) return <List />;
  return failed ? (
    <p className="error" role="alert">
      {t("common.offline")}
    </p>
  ) : (
    <p className="loading">{t("common.loading")}</p>
  );
}

// The canvas (React Flow and the inspector) loads only when a flow is opened.
const EditorPage = lazy(() => import("../editor/EditorPage"));
const LiveChatPage = lazy(() =>
  Promise.all([import("../livechat/LiveChatPage"), loadPanelWords(), loadTeamWords()]).then(
    ([page]) => page,
  ),
);
// The owner's settings bring their own words (the main catalogues leave them out).
const SettingsPage = lazy(() =>
  Promise.all([import("../settings/SettingsPage"), loadTeamWords(), loadPanelWords()]).then(
    ([page]) => page,
  ),
);
const AccountPage = lazy(() =>
  Promise.all([import("../settings/AccountPage"), loadTeamWords(), loadPanelWords()]).then(
    ([page]) => page,
  ),
);
// The Page's Messenger profile: for whoever edits flows, not only the owner.
const PageSettingsPage = lazy(() =>
  Promise.all([import("../settings/PageSettingsPage"), loadTeamWords(), loadPanelWords()]).then(
    ([page]) => page,
  ),
);

export function App() {
  return (
    <>
      <Screen />
      <Notices />
    </>
  );
}

function Screen() {
  const signedIn = useSession((s) => s.api !== null);
  const checking = useSession((s) => s.checking);
  const route = useRoute();
  const t = useT();
  if (checking) return <p className="loading">{t("common.loading")}</p>;
  if (!signedIn) return <SignIn />;
  const liveChat = liveChatRoute(window.location.hash);
  if (liveChat) {
    return (
      <Suspense fallback={<p className="loading">{t("common.loading")}</p>}>
        <LiveChatPage contactId={liveChat.contactId} />
      </Suspense>
    );
  }
  if (window.location.hash === "#/account") {
    return (
      <Suspense fallback={<p className="loading">{t("common.loading")}</p>}>
        <AccountPage />
      </Suspense>
    );
  }
  if (window.location.hash === "#/settings/page") {
    return (
      <Suspense fallback={<p className="loading">{t("common.loading")}</p>}>
        <PageSettingsPage />
      </Suspense>
    );
  }
  const settings = settingsRoute(window.location.hash);
  if (settings) {
    return (
      <Suspense fallback={<p className="loading">{t("common.loading")}</p>}>
        <SettingsPage section={settings} />
      </Suspense>
    );
  }
  if (route.screen === "list") return <FlowsListScreen />;
  return (
    <Suspense fallback={<p className="loading">{t("common.loading")}</p>}>
      <EditorPage key={route.flowId} flowId={route.flowId} />
    </Suspense>
  );
}
