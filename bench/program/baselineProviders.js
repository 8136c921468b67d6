"use strict";
// The two baselines the benchmark measures this package against, in the same run:
// - `floor`: a dynamic provider that does no work and sends nothing: what the Pulumi engine itself costs;
// - `naive`: a Composio provider written the way most hand-written dynamic providers are: the whole
//   body on every update and one GET per read, no retries, no rate limit.
// Each method requires what it needs inside its body, because Pulumi serializes these functions by value.

const same = (a, b) => {
  const strip = (o) => Object.fromEntries(Object.entries(o || {}).filter(([k]) => !k.startsWith("__")));
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
};

const floorProvider = {
  async create(inputs) {
    return { id: require("crypto").randomUUID(), outs: inputs };
  },
  async diff(_id, olds, news) {
    return { changes: !same(olds, news) };
  },
  async update(_id, _olds, news) {
    return { outs: news };
  },
  async read(id, props) {
    return { id, props };
  },
  async delete() {},
};

/** The Composio wire body of the benchmark's arguments, whole (the scheme cannot be PATCHed). */
function composioBody(inputs) {
  return {
    credentials: inputs.credentials,
    tool_access_config: { tools_available_for_execution: inputs.toolAccessConfig.toolsAvailableForExecution },
  };
}

const naiveComposioProvider = {
  async create(inputs) {
    const { connection } = inputs;
    const body = { toolkit: { slug: inputs.toolkit }, auth_config: { type: "use_custom_auth", authScheme: inputs.authScheme, ...composioBody(inputs) } };
    const res = await fetch(`${connection.baseUrl}/api/v3/auth_configs`, { method: "POST", headers: { "x-api-key": connection.apiKey, "content-type": "application/json" }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`create answered ${res.status}`);
    return { id: (await res.json()).auth_config.id, outs: inputs };
  },
  async diff(_id, olds, news) {
    return { changes: !same(olds, news) };
  },
  async update(id, _olds, news) {
    const { connection } = news;
    const res = await fetch(`${connection.baseUrl}/api/v3/auth_configs/${id}`, { method: "PATCH", headers: { "x-api-key": connection.apiKey, "content-type": "application/json" }, body: JSON.stringify({ type: "custom", ...composioBody(news) }) });
    if (!res.ok) throw new Error(`update answered ${res.status}`);
    return { outs: news };
  },
  async read(id, props) {
    const { connection } = props;
    const res = await fetch(`${connection.baseUrl}/api/v3/auth_configs/${id}`, { headers: { "x-api-key": connection.apiKey } });
    if (res.status === 404) return {};
    if (!res.ok) throw new Error(`read answered ${res.status}`);
    await res.json();
    return { id, props };
  },
  async delete(id, props) {
    const { connection } = props;
    const res = await fetch(`${connection.baseUrl}/api/v3/auth_configs/${id}`, { method: "DELETE", headers: { "x-api-key": connection.apiKey } });
    if (!res.ok && res.status !== 404) throw new Error(`delete answered ${res.status}`);
  },
};

module.exports = { floorProvider, naiveComposioProvider };
