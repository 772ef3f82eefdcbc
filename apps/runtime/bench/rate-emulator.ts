/**
 * The Graph API emulator in its own process for the fan-out benchmark, as Meta would be, with the
 * Page's send rate (`RATE` calls per second; 613 beyond it). Prints its URL, then every 100 ms
 * `<sent> <refused with 613> <ms of the first send> <ms of the last send>`.
 */
import { startGraphEmulator } from "@convo/messenger";

const rate = Number(process.env.RATE ?? 300);
const graph = await startGraphEmulator({
  appSecret: "bench-secret",
  pageToken: "bench-token",
  sendRate: { perSecond: rate },
});
process.stdout.write(`URL ${graph.url}\n`);
let sent = 0;
let first = 0;
let last = 0;
graph.onCall((call) => {
  if (call.status !== 200 || !call.path.endsWith("/me/messages")) return;
  sent++;
  last = Date.now();
  if (first === 0) first = last;
});
setInterval(() => {
  graph.clear();
  process.stdout.write(`${sent} ${graph.rateLimitedCalls()} ${first} ${last}\n`);
}, 100).unref();
process.on("SIGTERM", () => {
  graph.close().then(() => process.exit(0));
});
