import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_KEY, EngineWorld } from "./harness";

/**
 * Drift inside the secret fields (`credentials`, `sharedCredentials`, `proxyConfig`), seen by the
 * nightly drift check `pulumi preview --refresh --expect-no-changes --diff`, which a CI job runs
 * without `--show-secrets`. The check must name what drifted (field and key) and never show a value.
 */

const CANARIES = {
  clientSecret: "cnry-cs-5d1e7a",
  proxyKey: "cnry-pk-c3f0b2",
  botToken: "cnry-bt-9b21aa",
  rewritten: "cnry-rw-77aa01",
};

const DECLARED = {
  toolkit: "slack",
  authScheme: "OAUTH2",
  credentials: { client_id: "slack-client-id", client_secret: CANARIES.clientSecret },
  proxyConfig: { proxyUrl: "https://proxy.example", proxyAuthKey: CANARIES.proxyKey },
  sharedCredentials: { bot_token: CANARIES.botToken },
};

// The provider's log lines name their resource this way (provider/composio/state.ts, resourceLabel).
const LABEL = 'composio.AuthConfig "slack"';

describe("drift inside secret fields, through the drift check", () => {
  let world: EngineWorld;
  let id = "";

  beforeAll(async () => {
    world = await EngineWorld.create("secret-drift");
    world.declare([{ name: "slack", args: DECLARED }]);
    await world.up();
    id = ((await world.stack.outputs()).slack.value as { id: string }).id;
  });

  afterAll(async () => {
    await world?.dispose();
  });

  /** The drift check as CI runs it; returns what it printed and whether it failed. */
  async function driftCheck(): Promise<{ failed: boolean; text: string }> {
    const before = world.output.length;
    // With --diff the CLI prints diagnostics (the provider's log lines) on stderr: a passing check's are in its result.
    const outcome = await world.preview({ refresh: true, expectNoChanges: true, diff: true }).then(
      (result) => ({ failure: undefined, stderr: result.stderr }),
      (e: Error) => ({ failure: e, stderr: "" }),
    );
    return { failed: outcome.failure !== undefined, text: `${outcome.failure?.message ?? ""}\n${outcome.stderr}\n${world.output.slice(before)}` };
  }

  /** No secret value anywhere a person or a file can see, whatever drifted. */
  function expectNoSecretShown(text: string): void {
    for (const canary of [...Object.values(CANARIES), API_KEY]) {
      expect(text, `drift check output holds ${canary}`).not.toContain(canary);
      expect(world.output, `CLI output holds ${canary}`).not.toContain(canary);
      expect(world.persistedState(), `state holds ${canary}`).not.toContain(canary);
    }
  }

  /** Lines of the output that name this resource and all the given words: the provider's drift log line. */
  const linesNaming = (text: string, ...words: string[]) => text.split("\n").filter((line) => line.includes(LABEL) && words.every((w) => line.includes(w)));

  async function outOfBand(body: Record<string, unknown>): Promise<void> {
    const res = await world.api("PATCH", `/api/v3/auth_configs/${id}`, { type: "custom", ...body });
    expect(res.status).toBe(200);
  }

  /** Puts the declared values back (up --refresh), then the drift check passes again. */
  async function converge(): Promise<void> {
    await world.up({ refresh: true });
    const check = await driftCheck();
    expect(check.failed, `drift check after converging:\n${check.text}`).toBe(false);
  }

  it("the first drift check after up passes: a masked value is never drift", async () => {
    const check = await driftCheck();
    expect(check.failed, check.text).toBe(false);
    expectNoSecretShown(check.text);
  });

  describe("a credential key removed out of band (client_secret: null)", () => {
    let check: { failed: boolean; text: string };

    beforeAll(async () => {
      await outOfBand({ credentials: { client_secret: null } });
      check = await driftCheck();
    });
    afterAll(async () => {
      await converge();
    });

    it("fails the drift check, showing no secret value", () => {
      expect(check.failed).toBe(true);
      expectNoSecretShown(check.text);
    });

    it("the output names the field credentials and the key client_secret", () => {
      expect(check.text).toContain("credentials");
      expect(check.text).toContain("client_secret");
    });

    it("the provider logs a line naming the resource and the drifted secret key", () => {
      expect(linesNaming(check.text, "client_secret"), check.text).not.toEqual([]);
    });
  });

  describe("a shared credential removed out of band (shared_credentials: null)", () => {
    let check: { failed: boolean; text: string };

    beforeAll(async () => {
      await outOfBand({ shared_credentials: null });
      check = await driftCheck();
    });
    afterAll(async () => {
      await converge();
    });

    it("fails the drift check, showing no secret value", () => {
      expect(check.failed).toBe(true);
      expectNoSecretShown(check.text);
    });

    it("the output names sharedCredentials and bot_token; the provider logs it", () => {
      expect(check.text).toContain("sharedCredentials");
      expect(check.text).toContain("bot_token");
      expect(linesNaming(check.text, "bot_token"), check.text).not.toEqual([]);
    });
  });

  describe("a proxy redirected out of band (proxy_config: {proxy_url: other}, which also drops its key)", () => {
    let check: { failed: boolean; text: string };

    beforeAll(async () => {
      await outOfBand({ proxy_config: { proxy_url: "https://other-proxy.example" } });
      check = await driftCheck();
    });
    afterAll(async () => {
      await converge();
    });

    it("fails the drift check, showing no secret value", () => {
      expect(check.failed).toBe(true);
      expectNoSecretShown(check.text);
    });

    it("the output shows proxyConfig.proxyUrl as a plain value, old and new", () => {
      expect(check.text).toContain("proxyUrl");
      expect(check.text).toContain("https://other-proxy.example");
      expect(check.text).toContain("https://proxy.example");
    });

    it("the provider logs a line naming the resource and proxyAuthKey, the secret that went", () => {
      expect(linesNaming(check.text, "proxyAuthKey"), check.text).not.toEqual([]);
    });
  });

  describe("a secret value rewritten out of band: masked on read, only last_updated_at moves", () => {
    let check: { failed: boolean; text: string };

    beforeAll(async () => {
      await outOfBand({ credentials: { client_secret: CANARIES.rewritten } });
      check = await driftCheck();
    });
    it("shows no secret value, not even the masked rewritten one", () => {
      expectNoSecretShown(check.text);
      // The API masks it to its first 4 characters: `cnry...` must not appear either.
      expect(check.text).not.toContain(`${CANARIES.rewritten.slice(0, 4)}...`);
    });

    it("the drift check output says, for this resource, that last_updated_at moved", () => {
      expect(linesNaming(check.text).filter((line) => /last_updated_at|lastUpdatedAt/.test(line)), check.text).not.toEqual([]);
    });
  });
});
