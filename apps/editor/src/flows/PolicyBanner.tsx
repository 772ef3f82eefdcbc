import { useEffect, useState } from "react";
import type { PagePolicy } from "../api/client";
import { useApi } from "../common/session";
import { useT } from "../i18n";

/**
 * Tells the owner when Meta has blocked the Page (a `policy_enforcement` webhook with
 * `action: "block"`): every answer is refused until Meta lifts it. An unblock, or no policy
 * event at all, shows nothing; so does a status that cannot be read.
 */
export function PolicyBanner() {
  const t = useT();
  const api = useApi();
  const [policy, setPolicy] = useState<PagePolicy | null>(null);
  useEffect(() => {
    let cancelled = false;
    api.pagePolicy().then(
      (answer) => {
        if (!cancelled) setPolicy(answer);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [api]);
  const latest = policy?.latest;
  if (latest?.action !== "block") return null;
  return (
    <p className="banner warning" role="alert" data-testid="page-blocked">
      {t("status.pageBlocked", { reason: latest.reason ?? t("status.pageBlockedNoReason") })}
    </p>
  );
}
