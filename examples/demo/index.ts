// The demo project (root Pulumi.yaml): two Composio auth configs, declared as a user would.
import * as pulumi from "@pulumi/pulumi";
import { composio } from "pulumi-authconfig";

const config = new pulumi.Config();

// Your own Slack app: the client secret comes from `pulumi config set --secret slackClientSecret ...`.
const slack = new composio.AuthConfig("slack", {
  toolkit: "slack",
  authScheme: "OAUTH2",
  credentials: {
    client_id: config.require("slackClientId"),
    client_secret: config.requireSecret("slackClientSecret"),
  },
  toolAccessConfig: {
    toolsAvailableForExecution: ["SLACK_SEND_MESSAGE", "SLACK_LIST_CHANNELS"],
  },
});

// Composio's own Gmail app: no credentials to hold, only the scopes.
const gmail = new composio.AuthConfig("gmail", {
  toolkit: "gmail",
  managed: true,
  scopes: ["https://www.googleapis.com/auth/gmail.readonly"],
});

export const slackAuthConfigId = slack.id;
export const slackName = slack.name;
export const gmailAuthConfigId = gmail.id;
