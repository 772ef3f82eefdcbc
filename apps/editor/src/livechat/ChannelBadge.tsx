import type { MessageKey, Translate } from "../i18n";

export type ChannelName = "messenger" | "instagram" | "whatsapp";

const LABEL: Record<ChannelName, MessageKey> = {
  messenger: "livechat.channel.messenger",
  instagram: "livechat.channel.instagram",
  whatsapp: "livechat.channel.whatsapp",
};

/** The channel a contact writes on, as a small coloured badge (queue, contacts, conversation). */
export function ChannelBadge({ channel, t }: { channel: string; t: Translate }) {
  const known: ChannelName = channel in LABEL ? (channel as ChannelName) : "messenger";
  return (
    <span className={`channel channel-${known}`} data-testid="channel-badge" data-channel={known}>
      {t(LABEL[known])}
    </span>
  );
}
