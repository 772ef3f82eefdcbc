import { lazy, Suspense } from "react";
import { FlowsList } from "../flows/FlowsList";
import { useT } from "../i18n";
import { useRoute } from "./route";
import { SignIn } from "./SignIn";
import { useSession } from "./session";

// The canvas (React Flow and the inspector) loads only when a flow is opened.
const EditorPage = lazy(() => import("../editor/EditorPage"));

export function App() {
  const token = useSession((s) => s.token);
  const route = useRoute();
  const t = useT();
  if (!token) return <SignIn />;
  if (route.screen === "list") return <FlowsList />;
  return (
    <Suspense fallback={<p className="loading">{t("common.loading")}</p>}>
      <EditorPage key={route.flowId} flowId={route.flowId} />
    </Suspense>
  );
}
