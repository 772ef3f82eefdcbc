export { arbitraryFlow } from "./arbitrary";
