import { describeError } from "../common/errors";
import type { Translate } from "../i18n";
import type { Polled } from "./use-poll";

/**
 * What a polled list says besides its items: loading (before its first answer), the API's error,
 * and `emptyText` once an answer came with nothing in it.
 */
export function PollStatus<T>({
  polled,
  t,
  isEmpty,
  emptyText,
}: {
  polled: Polled<T>;
  t: Translate;
  isEmpty: (data: T) => boolean;
  emptyText: string;
}) {
  return (
    <>
      {polled.loading && polled.data === null && (
        <p className="loading" aria-busy="true">
          {t("common.loading")}
        </p>
      )}
      {polled.error !== null && (
        <p className="error" role="alert">
          {describeError(t, polled.error)}
        </p>
      )}
      {polled.error === null && polled.data !== null && isEmpty(polled.data) && (
        <p className="muted">{emptyText}</p>
      )}
    </>
  );
}
