import { useCallback, useMemo, useRef, useState } from "react";
import { ApiError } from "../api/client";
import { teamApi } from "../api/team-api";
import { useSession } from "../common/session";
import { loadErrorWords, useLocale, useT } from "../i18n";

/**
 * The owner's calls with the session's credentials. A refusal is handed over once the error
 * codes' words are loaded (as the session's own client does), so the panel words it in the
 * reader's language rather than the runtime's English.
 */
export function useTeamApi() {
  const credentials = useSession((s) => s.credentials);
  if (!credentials) throw new Error("useTeamApi outside a signed-in screen");
  return useMemo(() => withErrorWords(teamApi(credentials)), [credentials]);
}

function withErrorWords<Api extends object>(api: Api): Api {
  const worded: Record<string, unknown> = {};
  for (const [name, call] of Object.entries(api)) {
    worded[name] = (...args: unknown[]) =>
      (call as (...a: unknown[]) => Promise<unknown>)(...args).catch(async (error: unknown) => {
        if (error instanceof ApiError) await loadErrorWords().catch(() => undefined);
        throw error;
      });
  }
  return worded as Api;
}

/** A time as the reader writes it: "2 Dec 2026, 19:40" or "2 déc. 2026, 19:40". */
export function useWhen(): (iso: string) => string {
  const locale = useLocale((s) => s.locale);
  return useCallback(
    (iso: string) =>
      new Date(iso).toLocaleString(locale === "fr" ? "fr-FR" : "en-GB", {
        dateStyle: "medium",
        timeStyle: "short",
      }),
    [locale],
  );
}

/**
 * Something shown once (an invite link, a new key): a message, the value selected on focus, and
 * a button that copies it. If the browser refuses the clipboard, the value is selected instead.
 */
export function ShownOnce({
  message,
  label,
  value,
}: {
  message: string;
  label: string;
  value: string;
}) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      input.current?.select();
    }
  }
  return (
    <div className="shown-once" data-testid="shown-once">
      <p>{message}</p>
      <div className="shown-once-row">
        <input
          ref={input}
          readOnly
          value={value}
          aria-label={label}
          onFocus={(e) => e.target.select()}
          spellCheck={false}
        />
        <button type="button" onClick={() => void copy()}>
          {t("settings.copy")}
        </button>
        {copied && <output>{t("settings.copied")}</output>}
      </div>
    </div>
  );
}

/** A screen's error and notice lines, as every settings panel shows them. */
export function Messages({ error, notice }: { error: string | null; notice: string | null }) {
  return (
    <>
      {error && (
        <p className="error pre" role="alert">
          {error}
        </p>
      )}
      {notice && <output className="notice">{notice}</output>}
    </>
  );
}
