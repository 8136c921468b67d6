import { afterAll, beforeAll, expect } from "vitest";
import { EmulatorOptions, RunningEmulator, startEmulator } from "../../emulator";

/** Secret values that must never come back from the emulator (reads, errors, CLI output). */
export const CANARY = {
  clientSecret: "canary-secret-7f3a9",
  rotatedSecret: "canary-rotated-b41c2",
  proxyKey: "canary-proxy-key-0d9e",
  botToken: "canary-bot-token-5a17",
  apiKey: "canary-api-key-93bd",
} as const;

export const API_KEY = "test-key";

export interface Answer {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined for an empty body. */
  body: any;
  text: string;
}

export interface CallOptions {
  body?: unknown;
  /** API key sent as x-api-key; null sends none. */
  key?: string | null;
  headers?: Record<string, string>;
  /** Sent as is, instead of `body` as JSON. */
  rawBody?: string;
}

/** One HTTP request to the emulator over the network. */
export async function call(baseUrl: string, method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const key = options.key === undefined ? API_KEY : options.key;
  const headers: Record<string, string> = { ...(key !== null && { "x-api-key": key }), ...options.headers };
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  const res = await fetch(baseUrl + path, { method, headers, body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined, text };
}

/** A create body for a custom OAuth2 config holding every kind of secret. */
export function customCreateBody(overrides: Record<string, unknown> = {}, slug = "slack"): Record<string, unknown> {
  return {
    toolkit: { slug },
    auth_config: {
      type: "use_custom_auth",
      authScheme: "OAUTH2",
      name: "slack-prod",
      credentials: { client_id: "slack-client-id", client_secret: CANARY.clientSecret },
      proxy_config: { proxy_url: "https://proxy.example", proxy_auth_key: CANARY.proxyKey },
      tool_access_config: { tools_available_for_execution: ["SLACK_SEND_MESSAGE"], tools_for_connected_account_creation: [] },
      shared_credentials: { bot_token: CANARY.botToken },
      is_enabled_for_tool_router: false,
      ...overrides,
    },
  };
}

/** Creates an auth config and returns its id (fails the test on anything but 201). */
export async function create(baseUrl: string, body: unknown, prefix = "/api/v3"): Promise<string> {
  const res = await call(baseUrl, "POST", `${prefix}/auth_configs`, { body });
  expect(res.status, res.text).toBe(201);
  return res.body.auth_config.id;
}

export async function read(baseUrl: string, id: string): Promise<any> {
  const res = await call(baseUrl, "GET", `/api/v3/auth_configs/${id}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
}

export async function patch(baseUrl: string, id: string, body: unknown): Promise<Answer> {
  return call(baseUrl, "PATCH", `/api/v3/auth_configs/${id}`, { body });
}

/** Asserts a 400 error envelope whose message names `field`. */
export function expect400Naming(res: Answer, field: string, slug?: string): void {
  expect(res.status, res.text).toBe(400);
  expect(res.body.error.status).toBe(400);
  expect(res.body.error.message).toContain(field);
  if (slug) expect(res.body.error.slug).toBe(slug);
}

export function expectNoCanary(text: string): void {
  for (const canary of Object.values(CANARY)) expect(text, `leaked ${canary}`).not.toContain(canary);
}

export async function resetEmulator(baseUrl: string): Promise<void> {
  const res = await fetch(`${baseUrl}/_emulator/reset`, { method: "POST" });
  expect(res.status).toBe(200);
}

/**
 * Starts an emulator before the file's tests and stops it after them. The returned object's `url`
 * is set by the time the tests run.
 */
export function useEmulator(options: EmulatorOptions = {}): { url: string } {
  const handle = { url: "" };
  let running: RunningEmulator | undefined;
  beforeAll(async () => {
    running = await startEmulator({ port: 0, ...options });
    handle.url = running.url;
  });
  afterAll(async () => {
    await running?.close();
  });
  return handle;
}

/** Every API's stored objects, secrets included (`GET /_emulator/store`). */
export async function storeOf(baseUrl: string): Promise<{ composio: any[]; flowra: any[]; elevenlabs: any[] }> {
  const res = await fetch(`${baseUrl}/_emulator/store`);
  expect(res.status).toBe(200);
  return (await res.json()) as { composio: any[]; flowra: any[]; elevenlabs: any[] };
}

/** A control endpoint call: its status and parsed JSON body. */
export async function control(baseUrl: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${baseUrl}/_emulator/${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

/** A Flowra create body (camelCase) for a custom OAuth2 config holding every kind of secret. */
export function flowraCreateBody(overrides: Record<string, unknown> = {}, slug = "github"): Record<string, unknown> {
  return {
    toolkit: { slug },
    authConfig: {
      type: "use_custom_auth",
      authScheme: "OAUTH2",
      displayName: "GitHub prod",
      credentials: { client_id: "gh-client-id", client_secret: CANARY.clientSecret },
      proxyConfig: { proxyUrl: "https://proxy.example", proxyAuthKey: CANARY.proxyKey },
      toolAccessConfig: { toolsForConnectedAccountCreation: ["GITHUB_GET_USER"] },
      restrictToFollowingTools: [],
      ...overrides,
    },
  };
}

/** Creates a Flowra auth config and returns the created object (`data`); fails the test on anything but 201. */
export async function flowraCreate(baseUrl: string, body: unknown): Promise<any> {
  const res = await call(baseUrl, "POST", "/api/v1/auth_configs", { body });
  expect(res.status, res.text).toBe(201);
  return res.body.data;
}

/** Asserts Flowra's error envelope with `status`, its message naming `field` when given. */
export function expectFlowraError(res: Answer, status: number, field?: string): void {
  expect(res.status, res.text).toBe(status);
  expect(res.body).toEqual({ success: false, message: expect.any(String), statusCode: status, error: expect.any(String) });
  if (field) expect(res.body.message).toContain(field);
}

export const ELEVENLABS_PATH = "/v1/workspace/auth-connections";

/** One ElevenLabs request, with the key in xi-api-key (null sends none). */
export function elevenLabsCall(baseUrl: string, method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const key = options.key === undefined ? API_KEY : options.key;
  return call(baseUrl, method, ELEVENLABS_PATH + path, { ...options, key: null, headers: { ...(key !== null && { "xi-api-key": key }), ...options.headers } });
}

/** Creates an ElevenLabs auth connection and returns the answer's object (fails the test on anything but 200). */
export async function elevenLabsCreate(baseUrl: string, body: unknown): Promise<any> {
  const res = await elevenLabsCall(baseUrl, "POST", "", { body });
  expect(res.status, res.text).toBe(200);
  return res.body;
}

/** Asserts a 422 whose detail list is exactly these `[loc, type]` pairs (messages are free). */
export function expect422(res: Answer, ...problems: [(string | number)[], string][]): void {
  expect(res.status, res.text).toBe(422);
  expect(res.body).toEqual({ detail: problems.map(([loc, type]) => ({ loc, msg: expect.any(String), type })) });
}
