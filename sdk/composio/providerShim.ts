import type * as dynamic from "@pulumi/pulumi/dynamic";

/**
 * The provider object that Pulumi serializes into every resource's state (`__provider`). Each method
 * requires the real implementation by package name when it runs, so the serialized text is small,
 * holds no API key and no copy of our code, and always runs the installed version of the package.
 * Keep these bodies free of any reference to module-level names: they would be captured by value.
 */
export const composioAuthConfigProvider: dynamic.ResourceProvider = {
  async configure(req) {
    return require("pulumi-authconfig/provider/composio/authConfigProvider").configure(req);
  },
  async check(olds, news) {
    return require("pulumi-authconfig/provider/composio/authConfigProvider").check(olds, news);
  },
  async diff(id, olds, news) {
    return require("pulumi-authconfig/provider/composio/authConfigProvider").diff(id, olds, news);
  },
  async create(inputs) {
    return require("pulumi-authconfig/provider/composio/authConfigProvider").create(inputs);
  },
  async read(id, props) {
    return require("pulumi-authconfig/provider/composio/authConfigProvider").read(id, props);
  },
  async update(id, olds, news) {
    return require("pulumi-authconfig/provider/composio/authConfigProvider").update(id, olds, news);
  },
  async delete(id, props) {
    return require("pulumi-authconfig/provider/composio/authConfigProvider").destroy(id, props);
  },
};
