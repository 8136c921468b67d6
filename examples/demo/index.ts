// The demo project (root Pulumi.yaml): one auth config or connection of each API, declared as a user would.
import * as pulumi from "@pulumi/pulumi";
import { composio, elevenlabs, flowra } from "pulumi-authconfig";

const config = new pulumi.Config();

// Composio: your own Slack app. The client secret comes from `pulumi config set --secret slackClientSecret ...`.
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

// Flowra: a GitHub OAuth app, limited to two tools. Flowra allocates the config's `name` itself.
const github = new flowra.AuthConfig("github", {
  toolkit: "github",
  authScheme: "OAUTH2",
  displayName: "GitHub (platform team)",
  credentials: {
    client_id: config.require("githubClientId"),
    client_secret: config.requireSecret("githubClientSecret"),
  },
  restrictToFollowingTools: ["GITHUB_GET_USER", "GITHUB_LIST_REPOS"],
});

// ElevenLabs: the workspace's connection to a CRM, by OAuth2 client credentials.
const crm = new elevenlabs.AuthConnection("crm", {
  authType: "oauth2_client_credentials",
  provider: "acme-crm",
  clientId: config.require("crmClientId"),
  clientSecret: config.requireSecret("crmClientSecret"),
  tokenUrl: "https://auth.acme.example/oauth/token",
  scopes: ["contacts.read"],
});

export const slackAuthConfigId = slack.id;
export const slackName = slack.name;
export const gmailAuthConfigId = gmail.id;
export const githubAuthConfigId = github.id;
export const githubName = github.name;
export const crmConnectionId = crm.id;
