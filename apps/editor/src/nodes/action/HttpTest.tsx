import { type HttpStep, keptSamples, pickMapping, sampleNames } from "@convo/flow";
import { useState } from "react";
import type { Answer } from "../../api/types";
import { describeError } from "../../common/errors";
import { useApi } from "../../common/session";
import { TextField, type useNodeSetter } from "../../form/fields";
import { useT } from "../../i18n";
import { JsonAnswer } from "./JsonAnswer";

type Outcome = Answer<"postHttpTest">;

/**
 * "Test request": sample values for what the request uses (kept with the step), the call made by
 * the runtime with the live step's rules, and its answer, whose values pick the response mapping.
 */
export function HttpTest({
  step,
  at,
  f,
}: {
  step: HttpStep;
  at: (string | number)[];
  f: ReturnType<typeof useNodeSetter>;
}) {
  const t = useT();
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const names = sampleNames(step);
  const samples = step.samples ?? {};
  const usesSecrets = /\{\{\s*secrets\./.test(
    [step.url, step.body ?? "", ...(step.headers ?? []).map((h) => h.value)].join(" "),
  );

  async function run() {
    setBusy(true);
    setFailure(null);
    setPicked(null);
    try {
      setOutcome(await api.testHttp(step));
    } catch (error) {
      setOutcome(null);
      setFailure(describeError(t, error));
    } finally {
      setBusy(false);
    }
  }

  function pick(path: string) {
    const mappings = pickMapping(step.responseMapping ?? [], path);
    f.replace([...at, "responseMapping"], mappings);
    const variable = mappings.find((m) => m.path === path)?.variable ?? "";
    setPicked(t("httpTest.picked", { path, variable }));
  }

  return (
    <fieldset className="http-test">
      <legend>{t("httpTest.title")}</legend>
      {names.length > 0 && <p className="hint">{t("httpTest.samplesHint")}</p>}
      {names.map((name) => (
        <TextField
          key={name}
          label={t("httpTest.sample", { name })}
          value={samples[name] ?? ""}
          onChange={(v) => f.set([...at, "samples"], keptSamples(step, { ...samples, [name]: v }))}
          onBlur={f.endGroup}
        />
      ))}
      {usesSecrets && <p className="hint">{t("httpTest.secretsHint")}</p>}
      <button type="button" className="primary" disabled={busy} onClick={() => void run()}>
        {busy ? t("httpTest.running") : t("httpTest.run")}
      </button>
      {failure && (
        <p className="error pre" role="alert">
          {failure}
        </p>
      )}
      {outcome && (
        <div className="http-test-result" data-testid="http-test-result">
          <p className={outcome.ok ? "notice" : "error"} role="status">
            {outcome.status === null
              ? t("httpTest.noAnswer", { error: outcome.error ?? "" })
              : t(outcome.ok ? "httpTest.status" : "httpTest.statusFailed", {
                  status: outcome.status,
                })}
          </p>
          {outcome.status !== null && outcome.error && <p className="error">{outcome.error}</p>}
          <p className="muted http-test-url">
            {outcome.request.method} {outcome.request.url}
          </p>
          {Object.keys(outcome.headers).length > 0 && (
            <details>
              <summary>{t("httpTest.headers")}</summary>
              <dl className="http-test-headers">
                {Object.entries(outcome.headers).map(([name, value]) => (
                  <div key={name}>
                    <dt>{name}</dt>
                    <dd>{value}</dd>
                  </div>
                ))}
              </dl>
            </details>
          )}
          {outcome.status !== null && (
            <>
              <p className="hint">{t("httpTest.pickHint")}</p>
              <JsonAnswer value={outcome.body} onPick={pick} />
            </>
          )}
          {picked && (
            <p className="notice" role="status">
              {picked}
            </p>
          )}
        </div>
      )}
    </fieldset>
  );
}
