import { lazy, Suspense } from "react";
import { Notices } from "../common/Notices";
import { useRoute } from "../common/route";
import { useSession } from "../common/session";
import { FlowsList } from "../flows/FlowsList";
import { useT } from "../i18n";
import { liveChatRoute } from "../livechat/route";
import { SignIn } from "./SignIn";

// The canvas (React Flow and the inspector) loads only when a flow is opened.
const EditorPage = lazy(() => import("../editor/EditorPage"));
const LiveChatPage = lazy(() => import("../livechat/LiveChatPage"));
const SecretsPage = lazy(() => import("../settings/SecretsPage"));
const PageSettingsPage = lazy(() => import("../settings/PageSettingsPage"));

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
  if (window.location.hash === "#/settings/secrets") {
    return (
      <Suspense fallback={<p className="loading">{t("common.loading")}</p>}>
        <SecretsPage />
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
  if (route.screen === "list") return <FlowsList />;
  return (
    <Suspense fallback={<p className="loading">{t("common.loading")}</p>}>
      <EditorPage key={route.flowId} flowId={route.flowId} />
    </Suspense>
  );
}
