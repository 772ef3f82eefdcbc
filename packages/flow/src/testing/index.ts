export { arbitraryFlow } from "./arbitrary";
export { testChannel } from "./channel";
