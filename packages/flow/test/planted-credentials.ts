import type { Flow } from "../src/schema";
import { smallFlow } from "../src/testing";

/** Twenty credentials a marketer might paste into a flow, as the security review planted them. */
export const PLANTED = [
  "sk_live_51Habc123XYZdef",
  "9f8e7d6c5b4a39281706",
  "a1b2c3d4e5f6",
  "shop_8842kks92",
  "Zk29sL0qPw7x",
  "abc123def456",
  "tok_123456",
  "AK12345678",
  "9a8b7c6d5e",
  "QWxhZGRpbjpvcGVu",
  "hunter22",
  "Sup3rS3cret",
  "EAAGm0PX4ZCpsBAabcdefghijklmnopqrstuvwx",
  "p4ssw0rd!",
  "cs_9xk2mq81",
  "ak_live_77x1",
  "xyz98765",
  "letmein2",
  "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
  "ghp_1234567890abcdefghijABCDEFGHIJ123456",
] as const;

/** A flow with the twenty planted credentials, and things that look alike but are not. */
export function plantedFlow(base: Flow = smallFlow()): Flow {
  const [
    stripe,
    apiKey,
    auth,
    shopKey,
    access,
    cookie,
    token,
    queryKey,
    sig,
    queryAuth,
    pass,
    userPass,
    fbToken,
    password,
    clientSecret,
    apiKeyJson,
    form1,
    form2,
    jwt,
    github,
  ] = PLANTED;
  const flow = structuredClone(base);
  flow.variables.push({ name: "order", type: "text" }, { name: "shop_token", type: "text" });
  flow.nodes.push({
    id: "call",
    type: "action",
    position: { x: 0, y: 0 },
    data: {
      steps: [
        { kind: "set_variable", variable: "shop_token", value: github },
        {
          kind: "http",
          method: "POST",
          url: `https://admin:${userPass}@shop.test/orders/{{order}}?api_key=${queryKey}&sig=${sig}&auth=${queryAuth}&pass=${pass}&access_token=${fbToken}&lang=fr&sort_key=name`,
          headers: [
            { name: "Authorization", value: `Bearer ${stripe}` },
            { name: "X-Api-Key", value: apiKey },
            { name: "X-Auth", value: auth },
            { name: "X-Shop-Key", value: shopKey },
            { name: "X-Access", value: access },
            { name: "Cookie", value: `session=${cookie}` },
            { name: "X-Token", value: token },
            { name: "X-Signed", value: "{{secrets.SIGNING}}" },
            { name: "Accept", value: "application/json" },
            { name: "Content-Type", value: "application/json" },
          ],
          body: `{"order":"{{order}}","name":"Bob","password":"${password}","client_secret":"${clientSecret}","apiKey":"${apiKeyJson}","note":"${jwt}"}`,
        },
        {
          kind: "http",
          method: "POST",
          url: "https://forms.test/submit",
          headers: [{ name: "Content-Type", value: "application/x-www-form-urlencoded" }],
          body: `user=bob&token=${form1}&pwd=${form2}&lang=fr`,
        },
      ],
    },
  });
  return flow;
}
