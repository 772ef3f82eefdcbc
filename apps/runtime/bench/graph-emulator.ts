/**
 * The Graph API emulator in its own process for the benchmark, as Meta would be: prints its URL,
 * then one line per accepted "Got …" reply (`<ms> <text>`), so the bench can time each reply.
 */
import { startGraphEmulator } from "@convo/messenger";

const graph = await startGraphEmulator({ appSecret: "bench-secret", pageToken: "bench-token" });
process.stdout.write(`URL ${graph.url}\n`);
let lines: string[] = [];
graph.onCall((call) => {
  const text = (call.body as { message?: { text?: string } } | undefined)?.message?.text;
  if (call.status === 200 && text?.startsWith("Got ")) lines.push(`${Date.now()} ${text.slice(4)}`);
});
// Batched writes, and the recorded calls dropped, so the emulator stays cheap over long runs.
setInterval(() => {
  graph.clear();
  if (lines.length === 0) return;
  process.stdout.write(`${lines.join("\n")}\n`);
  lines = [];
}, 5).unref();
process.on("SIGTERM", () => {
  graph.close().then(() => process.exit(0));
});
