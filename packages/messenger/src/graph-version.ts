/**
 * The Graph API version Convo calls, and the one place it is written: the Send API client, the
 * runtime's `GRAPH_API_VERSION` default, the README and `.env.example` all take it from here.
 * v27.0 is the newest version Meta documents (introduced on November 4, 2026:
 * https://developers.facebook.com/docs/graph-api/changelog). Meta keeps a version for about two
 * years; moving to the next one is a change to this line and a read of its changelog.
 */
export const GRAPH_API_VERSION = "v27.0";
