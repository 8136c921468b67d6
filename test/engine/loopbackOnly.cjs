"use strict";
/**
 * Preloaded (NODE_OPTIONS=--require) into the Node processes the Pulumi CLI starts: the program and
 * the dynamic provider. Any connection to a host other than loopback fails at once with
 * ELOOPBACKONLY, so that a test of a setting that could fall back to the production API can never
 * reach the internet, whatever the code under test does.
 */
const dns = require("node:dns");
const net = require("node:net");

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);
const isLoopback = (host) => LOOPBACK_NAMES.has(host) || /^127\./.test(host) || host === "::ffff:127.0.0.1";
const refusal = (host) => Object.assign(new Error(`loopback-only guard refused to connect to ${host}`), { code: "ELOOPBACKONLY" });

const lookup = dns.lookup;
dns.lookup = function guardedLookup(hostname, ...rest) {
  if (isLoopback(hostname)) return lookup.call(this, hostname, ...rest);
  process.nextTick(rest[rest.length - 1], refusal(hostname));
  return {};
};

// An IP literal skips the lookup: check it where the socket connects.
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const host = typeof first === "object" && first !== null ? first.host : typeof args[1] === "string" ? args[1] : undefined;
  const path = typeof first === "object" && first !== null ? first.path : typeof first === "string" ? first : undefined;
  if (path === undefined && host !== undefined && net.isIP(host) && !isLoopback(host)) {
    process.nextTick(() => this.destroy(refusal(host)));
    return this;
  }
  return connect.apply(this, args);
};
