export {
  type CommentReply,
  createGraphEmulatorApp,
  EMULATOR_APP_ID,
  EMULATOR_PAGE_ID,
  type EmulatedPlatform,
  type GraphEmulator,
  type GraphEmulatorOptions,
  type RecordedCall,
  type UserProfile,
} from "./app";
export { type DeliverWebhookOptions, deliverWebhook } from "./deliver-webhook";
export type { EchoOptions, SentMessage } from "./echoes";
export { type FaultCode, faultResponse, type GraphErrorBody } from "./errors";
export { type FaultPlan, mulberry32 } from "./faults";
export {
  type RunningGraphEmulator,
  type StartGraphEmulatorOptions,
  startGraphEmulator,
} from "./server";
export {
  type RunningStandaloneEmulator,
  redactCall,
  type StandaloneEmulatorOptions,
  standaloneApp,
  startStandaloneEmulator,
} from "./standalone";
