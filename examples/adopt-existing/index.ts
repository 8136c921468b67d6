// Bringing auth configs made by hand under Pulumi (`pulumi import` does not work for dynamic providers).
import * as pulumi from "@pulumi/pulumi";
import { composio } from "pulumi-authconfig";

const config = new pulumi.Config();

// Adopt: on the first `up` the provider reads ac_..., checks toolkit/managed/authScheme, and PATCHes
// only the declared fields that differ. Without `name`, the config keeps the name it has.
const github = new composio.AuthConfig("github", {
  importId: config.require("githubAuthConfigId"),
  toolkit: "github",
  authScheme: "OAUTH2",
  credentials: {
    client_id: config.require("githubClientId"),
    client_secret: config.requireSecret("githubClientSecret"),
  },
  toolAccessConfig: { toolsAvailableForExecution: ["GITHUB_GET_THE_AUTHENTICATED_USER", "GITHUB_CREATE_AN_ISSUE"] },
});

// Only read another one, without managing it.
const notion = composio.AuthConfig.get("notion", config.require("notionAuthConfigId"));

export const githubStatus = github.status;
export const notionName = notion.name;
