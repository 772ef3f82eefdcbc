import { NODE_KINDS, type NodeOfType } from "@convo/flow";
import { MESSENGER_LIMITS } from "@convo/messenger/limits";
import { useState } from "react";
import { NumberField, SelectField, TextField, useNodeSetter } from "../../form/fields";
import { useT } from "../../i18n";
import { appIdFor, type PassTo, passToChoice } from "./pass-to";

/** The ranges the form offers, from the node kind (the schema reads the same). */
const LIMITS = NODE_KINDS.handover.limits;
const PASS_TO: readonly PassTo[] = ["none", "page_inbox", "app"];

export function HandoverForm({ node }: { node: NodeOfType<"handover"> }) {
  const t = useT();
  const f = useNodeSetter(node.id);
  // "Another app" chosen before its id is typed: nothing to store yet, but the field stays open.
  const [typingAppId, setTypingAppId] = useState(false);
  const appId = node.data.passToAppId;
  const passTo = passToChoice(appId, typingAppId);
  return (
    <>
      <TextField
        label={t("field.handoverMessage")}
        value={node.data.message ?? ""}
        multiline
        template
        limit={MESSENGER_LIMITS.text}
        onChange={(v) => f.set(["data", "message"], v === "" ? undefined : v)}
        onBlur={f.endGroup}
      />
      <NumberField
        label={t("field.resumeAfterHours")}
        value={node.data.resumeAfterHours}
        {...LIMITS.resumeAfterHours}
        onChange={(v) => f.set(["data", "resumeAfterHours"], v)}
      />
      <SelectField
        label={t("field.passTo")}
        value={passTo}
        options={PASS_TO.map((p) => ({ value: p, label: t(`passTo.${p}`) }))}
        onChange={(choice) => {
          setTypingAppId(choice === "app");
          f.replace(["data", "passToAppId"], appIdFor(choice, appId));
        }}
      />
      {passTo === "app" && (
        <TextField
          label={t("field.passToAppId")}
          value={appId ?? ""}
          placeholder="1234567890"
          onChange={(v) => f.set(["data", "passToAppId"], v === "" ? undefined : v.trim())}
          onBlur={f.endGroup}
        />
      )}
      <TextField
        label={t("field.handoverReason")}
        value={node.data.reason ?? ""}
        onChange={(v) => f.set(["data", "reason"], v === "" ? undefined : v)}
        onBlur={f.endGroup}
      />
    </>
  );
}
