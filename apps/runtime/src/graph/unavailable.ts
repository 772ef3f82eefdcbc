import { GraphFailure, type GraphGateway } from "./gateway";

/** Until a Graph client is wired in: every call fails as transient, so nothing is lost. */
export const unavailableGraph: GraphGateway = {
  async sendMessage() {
    throw new GraphFailure("transient", "unavailable", "No Graph API client is configured.");
  },
  async senderAction() {
    throw new GraphFailure("transient", "unavailable", "No Graph API client is configured.");
  },
  async userProfile() {
    return {};
  },
  async setMessengerProfile() {
    throw new GraphFailure("transient", "unavailable", "No Graph API client is configured.");
  },
};
