import type { EmulatorClock } from "../core/clock";
import { EmulatedApi, singleHeader } from "../core/emulatedApi";
import { elevenLabsErrorResponse, elevenLabsRateLimitBody } from "./errors";
import { ELEVENLABS_PATH_PREFIX, registerElevenLabsRoutes } from "./routes";
import { registerSeedRoute } from "./seed";
import { ConnectionStore } from "./store";
import { revealedConnectionObject } from "./view";

export interface ElevenLabsApiOptions {
  readonly clock: EmulatorClock;
}

/** ElevenLabs workspace auth connections (spec: /work/shared/spec/elevenlabs-v1.md). */
export function createElevenLabsApi(options: ElevenLabsApiOptions): EmulatedApi {
  const store = new ConnectionStore(options.clock);
  return {
    name: "elevenlabs",
    pathPrefixes: [`${ELEVENLABS_PATH_PREFIX}/`],
    keyHint: "Send your API key in the xi-api-key header.",
    presentedApiKey: (headers) => singleHeader(headers["xi-api-key"]),
    errorResponse: (error) => elevenLabsErrorResponse(error),
    rateLimitBody: elevenLabsRateLimitBody,
    // ElevenLabs publishes no rate-limit headers: clients get only Retry-After, on a 429 (emulator decision).
    rateLimitHeaders: () => ({}),
    registerRoutes: (app) => registerElevenLabsRoutes(app, store),
    registerControlRoutes: (app, base) => registerSeedRoute(app, base, store, options.clock),
    dump: () => store.all().map(revealedConnectionObject),
    reset: () => store.clear(),
  };
}
