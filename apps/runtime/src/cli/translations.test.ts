import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../../../..");

/** Runs the real command line, as `npm run convo -- translations …` does. */
function convo(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", "apps/runtime/src/cli.ts", ...args],
    { cwd: root, encoding: "utf8" },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A version-1 file, as an older Convo wrote it: the import writes it back in version 2. */
const flowV1 = {
  schemaVersion: 1,
  id: "hello",
  name: "Hello",
  variables: [],
  nodes: [
    {
      id: "start",
      type: "trigger",
      position: { x: 0, y: 0 },
      data: { triggers: [{ kind: "keyword", match: "contains", keywords: ["hi"] }] },
    },
    {
      id: "ask",
      type: "message",
      position: { x: 300, y: 0 },
      data: {
        content: [
          {
            id: "intro",
            kind: "text",
            text: 'Hi {{contact.first_name}}, say "yes", please',
            buttons: [{ id: "yes", kind: "postback", title: "Yes" }],
          },
        ],
      },
    },
  ],
  edges: [{ id: "e1", source: "start", target: "ask" }],
};

describe("convo translations", { timeout: 60_000 }, () => {
  it("exports a CSV for a translator and imports it back, byte for byte", () => {
    const dir = mkdtempSync(join(tmpdir(), "convo-translations-"));
    const flowFile = join(dir, "hello.json");
    writeFileSync(flowFile, JSON.stringify(flowV1));
    const csvFile = join(dir, "hello.de.csv");

    const exported = convo("translations", "export", flowFile, "--lang", "de", "--out", csvFile);
    expect(exported.status, exported.stderr).toBe(0);
    const blank = readFileSync(csvFile, "utf8");
    expect(blank).toBe(
      '\uFEFFid,field,en,de\r\nstart/0,keywords,hi,\r\nask/intro,text,"Hi {{contact.first_name}}, say ""yes"", please",\r\nask/intro/yes,title,Yes,\r\n',
    );

    // The translator fills the last column (quotes, commas and a line break included).
    const filled = blank
      .replace('please",\r\n', 'please","Hallo {{contact.first_name}}, sag ""ja"",\nbitte"\r\n')
      .replace("Yes,\r\n", "Yes,Ja\r\n")
      // A trigger's keywords in German: a list, separated by commas.
      .replace("keywords,hi,\r\n", 'keywords,hi,"hallo, servus"\r\n');
    writeFileSync(csvFile, filled);
    const imported = convo("translations", "import", flowFile, csvFile);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain("added de ask/intro/yes (title): Ja");
    expect(imported.stdout).toContain('added "de" to the flow\'s languages');

    const flow = JSON.parse(readFileSync(flowFile, "utf8"));
    expect(flow.schemaVersion).toBe(2);
    expect(flow.languages).toEqual(["en", "de"]);
    expect(flow.nodes[1].data.content[0].translations).toEqual({
      de: { text: 'Hallo {{contact.first_name}}, sag "ja",\nbitte' },
    });
    expect(flow.nodes[0].data.triggers[0].translations).toEqual({
      de: { keywords: ["hallo", "servus"] },
    });
    expect(convo("validate", flowFile).status).toBe(0);

    const again = convo("translations", "export", flowFile, "--lang", "de");
    expect(again.stdout).toBe(filled);
  });

  it("reports rows whose text is gone, without applying them", () => {
    const dir = mkdtempSync(join(tmpdir(), "convo-translations-"));
    const flowFile = join(dir, "hello.json");
    writeFileSync(flowFile, JSON.stringify(flowV1));
    const csvFile = join(dir, "stale.csv");
    writeFileSync(
      csvFile,
      "id,field,en,fr\r\nask/gone,title,Old,Vieux\r\nask/intro/yes,title,Yes,Oui\r\n",
    );
    const imported = convo("translations", "import", flowFile, csvFile);
    expect(imported.status).toBe(1);
    expect(imported.stderr).toContain(
      `${csvFile}:2: "ask/gone" (title) is no longer in the flow: not applied`,
    );
    const flow = JSON.parse(readFileSync(flowFile, "utf8"));
    expect(flow.nodes[1].data.content[0].buttons[0].translations).toEqual({ fr: { title: "Oui" } });
    expect(JSON.stringify(flow)).not.toContain("Vieux");

    const bad = convo("translations", "export", flowFile, "--lang", "German");
    expect(bad.status).toBe(2);
  });
});
