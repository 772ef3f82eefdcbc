import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseEnv } from "node:util";
import { GRAPH_API_VERSION } from "@convo/messenger";
import { afterEach, describe, expect, it } from "vitest";
import { FLAGS, SWITCHES } from "./cli/serve";
import { ConfigError, loadConfig } from "./config";

const runtimeDir = join(import.meta.dirname, "..");
const repoRoot = join(runtimeDir, "..", "..");
const example = readFileSync(join(repoRoot, ".env.example"), "utf8");
const NO_FILE = join(tmpdir(), "convo-no-such.env");

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function withDotEnv(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "convo-config-"));
  dirs.push(dir);
  writeFileSync(join(dir, ".env"), text);
  return dir;
}

/** The variables `config.ts` reads: `e.NAME` and the names given to its readers (`"NAME"`). */
function variablesReadByConfig(): Set<string> {
  const source = readFileSync(join(import.meta.dirname, "config.ts"), "utf8");
  const names = new Set<string>();
  for (const m of source.matchAll(/\be\.([A-Z][A-Z0-9_]+)\b|"([A-Z][A-Z0-9_]+)"/g)) {
    names.add((m[1] ?? m[2]) as string);
  }
  return names;
}

/** `NAME=` lines of .env.example, commented or not. */
function variablesInExample(): string[] {
  return [...example.matchAll(/^#?([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1] as string);
}

describe(".env", () => {
  it("reads values the way people write them: comments after values, quotes, export", () => {
    const dir = withDotEnv(
      [
        "# Convo",
        "PORT=8080 # web",
        "export CONVO_DB='./data/my convo.db'",
        'CONVO_ADMIN_TOKEN="a#b"',
        "CONVO_LOG_LEVEL=warn   # quieter",
      ].join("\n"),
    );
    const config = loadConfig({}, join(dir, ".env"));
    expect(config.port).toBe(8080);
    expect(config.dbPath).toBe("./data/my convo.db");
    expect(config.adminToken).toBe("a#b");
    expect(config.logLevel).toBe("warn");
  });

  it("is overridden by the environment", () => {
    const dir = withDotEnv("PORT=8080\nHOST=127.0.0.1\n");
    const config = loadConfig({ PORT: "9090" }, join(dir, ".env"));
    expect([config.port, config.host]).toEqual([9090, "127.0.0.1"]);
  });
});

describe(".env.example", () => {
  it("lists every variable config.ts reads, once, and nothing else but the secrets", () => {
    const listed = variablesInExample();
    expect(new Set(listed).size).toBe(listed.length);
    const read = variablesReadByConfig();
    expect(read.size).toBeGreaterThan(15);
    expect(new Set(listed)).toEqual(new Set([...read, "CONVO_SECRET_NAME"]));
  });

  it("lists every variable a `convo serve` flag sets", () => {
    const listed = new Set(variablesInExample());
    for (const name of [...Object.values(FLAGS), ...Object.values(SWITCHES)]) {
      expect(listed, name).toContain(name);
    }
  });

  it("shows the real defaults: uncommented, it configures exactly what nothing configures", () => {
    const uncommented = example.replace(/^#(?=[A-Z])/gm, "");
    expect(loadConfig(parseEnv(uncommented), NO_FILE)).toEqual(loadConfig({}, NO_FILE));
  });
});

describe("the Graph API version", () => {
  it("is one constant, which the config, .env.example and the README use", () => {
    expect(loadConfig({}, NO_FILE).graphApiVersion).toBe(GRAPH_API_VERSION);
    expect(example).toContain(`GRAPH_API_VERSION=${GRAPH_API_VERSION} `);
    const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
    // A version is `v27.0`, not the `v20.20` of a Node version `v20.20.2`.
    const mentioned = new Set(readme.match(/(?<![\w.])v\d+\.\d+(?![\w.])/g));
    expect(mentioned).toEqual(new Set([GRAPH_API_VERSION]));
  });
});

describe("the PostgreSQL address", () => {
  it("selects PostgreSQL with a postgres:// URL", () => {
    const url = "postgres://convo:pw@db.internal:5432/convo";
    expect(loadConfig({ CONVO_DATABASE_URL: url }, NO_FILE).databaseUrl).toBe(url);
    expect(loadConfig({}, NO_FILE).databaseUrl).toBeUndefined();
  });

  it("refuses another address without repeating it, as it may hold a password", () => {
    let thrown: unknown;
    try {
      loadConfig({ CONVO_DATABASE_URL: "mysql://root:hunter2@db/convo" }, NO_FILE);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).message).toContain("CONVO_DATABASE_URL must be a postgres://");
    expect((thrown as ConfigError).message).not.toContain("hunter2");
  });
});

describe("invalid values", () => {
  const refused: [string, string][] = [
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["PORT", "80.5"],
    ["CONVO_SEND_RATE", "-5"],
    ["CONVO_SEND_RATE", "0"],
    ["CONVO_WORKER_CONCURRENCY", "0"],
    ["CONVO_GRAPH_TIMEOUT_SECONDS", "ten"],
    ["CONVO_PUBLIC_URL", "convo.example.com"],
    ["CONVO_PUBLIC_URL", "ftp://convo.example.com"],
    ["GRAPH_API_URL", "not a url"],
    ["GRAPH_API_VERSION", "21"],
    ["CONVO_ALLOW_PRIVATE_HTTP", "ture"],
    ["CONVO_LOG_LEVEL", "loud"],
    ["CONVO_SLOW_STEP_MS", "-1"],
    ["CONVO_DATABASE_POOL_SIZE", "0"],
    ["CONVO_REPLICA_LEASE_SECONDS", "0"],
    ["CONVO_AI_ORDER_NUMBERS", "(a+)+$"],
    ["CONVO_AI_ORDER_NUMBERS", "CMD-{6}, #{0}"],
  ];
  it.each(refused)("%s=%s is refused with a message naming it", (name, value) => {
    let thrown: unknown;
    try {
      loadConfig({ [name]: value }, NO_FILE);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).problems).toEqual([expect.stringContaining(`${name} must be`)]);
    expect((thrown as ConfigError).message).toContain(`"${value}"`);
  });

  it("names every bad variable at once", () => {
    expect(() => loadConfig({ PORT: "abc", CONVO_SEND_RATE: "-1" }, NO_FILE)).toThrow(
      /PORT must be .*\n.*CONVO_SEND_RATE must be/s,
    );
  });

  it("accepts what is valid: URLs lose their trailing slash", () => {
    const config = loadConfig(
      {
        PORT: "0",
        CONVO_PUBLIC_URL: "https://convo.example.com/",
        GRAPH_API_URL: "http://127.0.0.1:9999/graph/",
        CONVO_ALLOW_PRIVATE_HTTP: "yes",
        CONVO_SEND_RATE: "0.5",
      },
      NO_FILE,
    );
    expect(config).toMatchObject({
      port: 0,
      publicUrl: "https://convo.example.com",
      graphApiUrl: "http://127.0.0.1:9999/graph",
      allowPrivateHttp: true,
      sendRate: 0.5,
    });
  });
});

/** tsx by its address: the child runs in a folder of its own, where `tsx` would not resolve. */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

/** `convo serve` in a folder of its own (its `.env`), until it exits or prints its banner. */
function serveIn(
  cwd: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const proc = spawn(
    process.execPath,
    ["--import", TSX, join(runtimeDir, "src", "cli.ts"), "serve"],
    {
      cwd,
      env: {
        ...process.env,
        HOST: "127.0.0.1",
        CONVO_DB: join(cwd, "convo.db"),
        CONVO_LOG_LEVEL: "error",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  let stopping = false;
  proc.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => {
    proc.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!stopping && stdout.includes("Webhook:")) {
        stopping = true;
        proc.once("exit", (code) => resolve({ code, stdout, stderr }));
        proc.kill("SIGTERM");
      }
    });
    proc.once("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("convo serve", () => {
  it("stops before starting when a value is invalid, naming the variable", async () => {
    const dir = withDotEnv("PORT=abc # web\n");
    const result = await serveIn(dir, { CONVO_SEND_RATE: "-2", CONVO_PUBLIC_URL: "example" });
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain("Convo is running");
    expect(result.stderr).toContain('PORT must be an integer from 0 to 65535, not "abc"');
    expect(result.stderr).toContain('CONVO_SEND_RATE must be a number above 0, not "-2"');
    expect(result.stderr).toContain("CONVO_PUBLIC_URL must be an http:// or https:// URL");
  });

  it("starts with a .env written as people write it, and prints the public webhook URL", async () => {
    const dir = withDotEnv(
      "PORT=0 # any free port\nCONVO_PUBLIC_URL=https://bots.example.com/ # the proxy\n",
    );
    const result = await serveIn(dir, {});
    expect(result.stdout).toContain("Convo is running: http://127.0.0.1:");
    expect(result.stdout).toContain(
      "Webhook:          https://bots.example.com/webhooks/messenger",
    );
    expect(result.code).toBe(0);
  });
});
