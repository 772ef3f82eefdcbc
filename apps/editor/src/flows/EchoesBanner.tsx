import { useEffect, useState } from "react";
import type { RuntimeStatus } from "../api/client";
import { useApi } from "../common/session";
import { useT } from "../i18n";

/**
 * Tells the owner when the Page does not send Convo its message echoes (the runtime checks at
 * start through the Graph API): without them some messages can be sent twice and a person
 * answering in the Page Inbox goes unseen. Says nothing when the status cannot be read.
 */
export function EchoesBanner() {
  const t = useT();
  const api = useApi();
  const [status, setStatus] = useState<RuntimeStatus | null>(null);
  useEffect(() => {
    let cancelled = false;
    api.status().then(
      (answer) => {
        if (!cancelled) setStatus(answer);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [api]);
  if (status?.messageEchoes.status !== "missing") return null;
  return (
    <p className="banner warning" role="alert" data-testid="echoes-missing">
      {t("status.echoesMissing")}
    </p>
  );
}
