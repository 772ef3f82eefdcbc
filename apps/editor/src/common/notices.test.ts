import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { dismissNotice, dismissNotices, NOTICE_MS, notify, useNotices } from "./notices";

const shown = () => useNotices.getState().notices.map((n) => `${n.kind}:${n.text}`);

describe("notices", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    useNotices.setState({ notices: [] });
  });
  afterEach(() => vi.useRealTimers());

  it("takes a success away on its own and leaves an error until it is dismissed", () => {
    notify("success", "Published as version 2.");
    const error = notify("error", "Cannot publish");
    expect(shown()).toEqual(["success:Published as version 2.", "error:Cannot publish"]);
    vi.advanceTimersByTime(NOTICE_MS);
    expect(shown()).toEqual(["error:Cannot publish"]);
    vi.advanceTimersByTime(60 * NOTICE_MS);
    expect(shown()).toEqual(["error:Cannot publish"]);
    dismissNotice(error);
    expect(shown()).toEqual([]);
  });

  it("replaces a notice by the next one with its key", () => {
    notify("error", "Cannot publish", { key: "publish" });
    notify("success", "Restored", { key: "restore" });
    notify("success", "Published", { key: "publish" });
    expect(shown()).toEqual(["success:Restored", "success:Published"]);
    dismissNotices("publish");
    expect(shown()).toEqual(["success:Restored"]);
  });
});
