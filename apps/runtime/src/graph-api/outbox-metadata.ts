/** What Convo puts after its metadata mark on a message: the outbox row, read back from echoes. */
export function outboxMetadata(outboxId: number): string {
  return `outbox=${outboxId}`;
}

/** The outbox row named by the metadata of one of Convo's echoes (`convo|outbox=42`). */
export function outboxIdOfEcho(metadata: string | undefined): number | undefined {
  const match = metadata === undefined ? null : /\|outbox=(\d{1,15})$/.exec(metadata);
  return match ? Number(match[1]) : undefined;
}
