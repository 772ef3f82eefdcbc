import { describe, expect, it } from "vitest";
import { createSendApiClient } from "../send/client";
import { GraphError } from "../send/graph-error";
import { createInstagramEmulator } from "./emulator";
import { INSTAGRAM_PROFILE_FIELDS, readInstagramProfile } from "./profile";

const TOKEN = "IGQWtoken";
const SECRET = "s3cret";
const ACCOUNT = "17841400000000009";

/** The emulator and the real Send API client over it, in-process. */
function instagram() {
  const emulator = createInstagramEmulator({
    pageToken: TOKEN,
    appSecret: SECRET,
    accountId: ACCOUNT,
  });
  const client = createSendApiClient({
    baseUrl: "http://instagram.test",
    pageToken: TOKEN,
    appSecret: SECRET,
    retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
    fetch: async (url, { timeoutMs: _t, ...init }) => emulator.app.fetch(new Request(url, init)),
  });
  return { emulator, client };
}

describe("Instagram emulator: the User Profile API of an IGSID", () => {
  it("answers name, username and profile_pic, as Convo asks them", async () => {
    const { emulator, client } = instagram();
    emulator.profiles.set("5001", {
      name: "Peter Chang",
      username: "peter_chang_live",
      profile_pic: "https://cdn.example.com/p.jpg",
      follower_count: 1234,
    });
    const answer = await client.getProfile("5001", INSTAGRAM_PROFILE_FIELDS);
    expect(answer).toEqual({
      id: "5001",
      name: "Peter Chang",
      username: "peter_chang_live",
      profile_pic: "https://cdn.example.com/p.jpg",
    });
    expect(readInstagramProfile(answer)).toEqual({
      firstName: "Peter",
      lastName: "Chang",
      username: "peter_chang_live",
      profilePic: "https://cdn.example.com/p.jpg",
    });
  });

  it("refuses Messenger's fields, and anyone who has not messaged the account (230)", async () => {
    const { emulator, client } = instagram();
    emulator.profiles.set("5002", { name: "Ana" });
    await expect(client.getProfile("5002", ["first_name"])).rejects.toMatchObject({
      code: 100,
      message: "(#100) Tried accessing nonexisting field (first_name)",
    });
    const refused = await client.getProfile("5003", INSTAGRAM_PROFILE_FIELDS).catch((e) => e);
    expect(refused).toBeInstanceOf(GraphError);
    expect(refused).toMatchObject({
      code: 230,
      category: "bad_request",
      message: "User consent is required to access user profile.",
    });
  });
});
