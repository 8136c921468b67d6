#!/usr/bin/env node
// Makes a Pulumi CLI usable by the engine tests available, building it from its Go modules when the
// machine has none (the `pulumi` npm package downloads the CLI at run time, which offline machines can't).
// Uses, in order: `pulumi` on PATH (v3.216.0+, with pulumi-language-nodejs), the cache, a fresh build:
// the CLI, the Node language host (or, when the proxy lacks its module, a minimal stand-in, see STAND_IN)
// and the `pulumi-resource-pulumi-nodejs` plugin that dynamic providers run in.
// Progress goes to stderr; the LAST line of stdout is the absolute folder holding `pulumi` (a `bin` folder,
// as the Automation API's `PulumiCommand.get({ root })` runs `<root>/bin/pulumi`).
//
//   node scripts/ensure-pulumi.mjs     env: PULUMI_AUTHCONFIG_CACHE (default ~/.cache/pulumi-authconfig)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const VERSION = "3.248.0"; // the @pulumi/pulumi devDependency's version
const MIN = [3, 216, 0]; // the peerDependency's floor
const PKG = "github.com/pulumi/pulumi/pkg/v3";
const SDK = "github.com/pulumi/pulumi/sdk/v3";
const LANG = "github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3";
// The YAML language host (Pulumi YAML programs). v1.38.1 builds against the 3.248 CLI's protocol;
// v1.37.0 does not build here (a pinned dependency's zip is refused by the proxy).
const YAML_MODULE = "github.com/pulumi/pulumi-yaml";
const YAML_VERSION = "v1.38.1";
const CACHE = process.env.PULUMI_AUTHCONFIG_CACHE || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "pulumi-authconfig");
const TARGET = path.join(CACHE, `pulumi-v${VERSION}`);

const log = (msg) => process.stderr.write(`[ensure-pulumi] ${msg}\n`);
const secs = (t) => `${((Date.now() - t) / 1000).toFixed(1)}s`;
const isExe = (file) => { try { fs.accessSync(file, fs.constants.X_OK); return fs.statSync(file).isFile(); } catch { return false; } };
const onPath = (name) => (process.env.PATH || "").split(path.delimiter).filter(Boolean).map((d) => path.join(d, name)).find(isExe);

/** The version of `<dir>/pulumi` as [major, minor, patch], or null when it is missing or does not run. */
function cliVersion(dir) {
  if (!isExe(path.join(dir, "pulumi"))) return null;
  // A time limit, in case a `pulumi` shim (e.g. the npm package's) tries to download something.
  const r = spawnSync(path.join(dir, "pulumi"), ["version"], { encoding: "utf8", timeout: 30_000, env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" } });
  const m = /v?(\d+)\.(\d+)\.(\d+)/.exec(r.stdout || "");
  return r.status === 0 && m ? m.slice(1, 4).map(Number) : null;
}
const atLeast = (v, min) => v[0] !== min[0] ? v[0] > min[0] : v[1] !== min[1] ? v[1] > min[1] : v[2] >= min[2];

/** A folder whose `pulumi` is recent enough and has the Node language host beside it (or on PATH). */
function usable(dir, where) {
  const v = cliVersion(dir);
  if (!v) return false;
  if (!atLeast(v, MIN)) return log(`pulumi v${v.join(".")} ${where} is older than v${MIN.join(".")}; ignoring it`), false;
  if (!isExe(path.join(dir, "pulumi-language-nodejs")) && !onPath("pulumi-language-nodejs")) return log(`pulumi ${where} has no pulumi-language-nodejs; ignoring it`), false;
  log(`using pulumi v${v.join(".")} ${where} (${dir})`);
  return true;
}

const t0 = Date.now();

function main() {
  const fromPath = onPath("pulumi");
  if (fromPath && usable(path.dirname(fromPath), "on PATH")) done(withYamlHost(path.dirname(fromPath)));
  if (usable(path.join(TARGET, "bin"), "from the cache")) done(withYamlHost(path.join(TARGET, "bin")));

  const go = onPath("go");
  if (!go) {
    fail(`no Pulumi CLI v${MIN.join(".")}+ on PATH or in ${TARGET}, and no Go to build one. Either
  - install the Pulumi CLI: curl -fsSL https://get.pulumi.com | sh   (or: brew install pulumi; see https://www.pulumi.com/docs/install/)
  - or install Go 1.25 or later (https://go.dev/dl/), put \`go\` on PATH and rerun: node scripts/ensure-pulumi.mjs`);
  }
  build(go);
  if (!usable(path.join(TARGET, "bin"), "just built")) fail(`the CLI built in ${TARGET} does not run`);
  done(withYamlHost(path.join(TARGET, "bin")));
}

/**
 * Makes sure `pulumi-language-yaml` sits beside the CLI in `binDir` (the engine looks there, then on
 * PATH): an official CLI ships it; otherwise it is built once from its Go modules into the cache and
 * copied beside our own build. A CLI on PATH without it is left alone, with a warning.
 */
function withYamlHost(binDir) {
  if (isExe(path.join(binDir, "pulumi-language-yaml")) || onPath("pulumi-language-yaml")) return binDir;
  if (path.resolve(binDir) !== path.resolve(TARGET, "bin")) {
    log(`pulumi in ${binDir} has no pulumi-language-yaml: Pulumi YAML programs will not run (install the official CLI, or remove it from PATH to use a built one)`);
    return binDir;
  }
  const cached = path.join(CACHE, `pulumi-language-yaml-${YAML_VERSION}`, "pulumi-language-yaml");
  // Without it only YAML programs fail (saying the language host is missing): the CLI stays usable.
  if (!isExe(cached) && !buildYamlHost(cached)) return binDir;
  fs.copyFileSync(cached, path.join(binDir, ".pulumi-language-yaml.tmp"));
  fs.chmodSync(path.join(binDir, ".pulumi-language-yaml.tmp"), 0o755);
  fs.renameSync(path.join(binDir, ".pulumi-language-yaml.tmp"), path.join(binDir, "pulumi-language-yaml"));
  return binDir;
}

function buildYamlHost(target) {
  const go = onPath("go");
  if (!go) return log(`warning: no pulumi-language-yaml beside the CLI and no Go to build it: Pulumi YAML programs will not run (install Go 1.25 or later, or the official Pulumi CLI)`), false;
  const t = Date.now();
  log(`building pulumi-language-yaml ${YAML_VERSION} from its Go modules (a few minutes the first time) ...`);
  fs.mkdirSync(CACHE, { recursive: true });
  const work = fs.mkdtempSync(path.join(CACHE, ".build-yaml-"));
  // A wrapper module: \`go install module@version\` is refused (the proxy does not list the module's versions).
  fs.writeFileSync(path.join(work, "go.mod"), `module pulumi-authconfig/yaml-host\n\ngo 1.25.11\n\nrequire ${YAML_MODULE} ${YAML_VERSION}\n`);
  const env = { ...process.env, CGO_ENABLED: process.platform === "linux" ? "0" : process.env.CGO_ENABLED };
  const built = path.join(work, "pulumi-language-yaml");
  const ok = spawnSync(go, ["build", "-mod=mod", "-trimpath", "-ldflags", `-s -w -X ${YAML_MODULE}/pkg/version.Version=${YAML_VERSION}`, "-o", built, `${YAML_MODULE}/cmd/pulumi-language-yaml`], { cwd: work, env, stdio: ["ignore", "ignore", "inherit"] }).status === 0;
  if (!ok) {
    fs.rmSync(work, { recursive: true, force: true });
    return log(`warning: building pulumi-language-yaml failed (see go's messages above): Pulumi YAML programs will not run`), false;
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.renameSync(built, target);
  fs.rmSync(work, { recursive: true, force: true });
  log(`pulumi-language-yaml built in ${secs(t)}`);
  return true;
}

function done(binDir) {
  log(`ready in ${secs(t0)}`);
  process.stdout.write(`${binDir}\n`);
  process.exit(0);
}

function fail(msg) {
  log(`error: ${msg}`);
  process.exit(1);
}

function build(go) {
  log(`no usable Pulumi CLI; building v${VERSION} from its Go modules with ${go} into ${TARGET} (a few minutes the first time)`);
  fs.mkdirSync(CACHE, { recursive: true });
  // Leftovers of interrupted builds (a concurrent build is younger than this).
  for (const f of fs.readdirSync(CACHE).filter((f) => f.startsWith(".build-"))) {
    const p = path.join(CACHE, f);
    if (Date.now() - (fs.statSync(p, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 3_600_000) fs.rmSync(p, { recursive: true, force: true });
  }
  // Everything is built in a private folder, then renamed into place: a half-built cache is never visible.
  const work = fs.mkdtempSync(path.join(CACHE, ".build-"));
  const out = path.join(work, path.basename(TARGET));
  const src = path.join(out, "src");
  const bin = path.join(out, "bin");
  fs.mkdirSync(bin, { recursive: true });
  // A static binary on Linux (no cgo needed); macOS keeps cgo, which its release builds use for DNS.
  const env = { ...process.env, CGO_ENABLED: process.platform === "linux" ? "0" : process.env.CGO_ENABLED };
  // -mod=mod lets go add the requirements the build needs; -s -w drops debug info (112 MB instead of 156).
  const buildFlags = ["-mod=mod", "-trimpath", "-ldflags", `-s -w -X ${SDK}/go/common/version.Version=v${VERSION}`];
  // A build step, timed, with go's own messages on stderr; `mayFail` returns false instead of exiting.
  const goBuild = (label, args, mayFail = false) => {
    const t = Date.now();
    log(`${label} ...`);
    const ok = spawnSync(go, ["build", ...buildFlags, ...args], { cwd: src, env, stdio: ["ignore", "ignore", "inherit"] }).status === 0;
    if (!ok && !mayFail) fail(`${label} failed`);
    log(`${label}: ${ok ? "done" : "FAILED"} in ${secs(t)}`);
    return ok;
  };
  // A quiet query: parsed `go ... -json` output, or null.
  const goJSON = (args) => {
    const r = spawnSync(go, args, { cwd: work, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return r.status === 0 ? JSON.parse(r.stdout) : null;
  };

  // The language host has no tags: its version is the pseudo-version of the commit tagged pkg/v3.248.0.
  const t = Date.now();
  const commit = goJSON(["list", "-m", "-json", `${PKG}@v${VERSION}`])?.Origin?.Hash;
  const lang = commit && goJSON(["list", "-m", "-json", `${LANG}@${commit}`])?.Version;
  log(lang ? `language host: ${LANG}@${lang} (${secs(t)})`
    : `language host: ${LANG} at commit ${commit ?? "?"} is not served by the Go module proxy; building the minimal stand-in instead (${secs(t)})`);

  // A wrapper module, since the modules' own replace directives make `go install pkg@version` refuse;
  // it repeats their only non-local replace. pkg/v3@v3.248.0 is missing from the checksum database as
  // served here, so its sums are pinned (recorded from the proxy).
  fs.mkdirSync(src, { recursive: true });
  fs.writeFileSync(path.join(src, "go.mod"), `module pulumi-authconfig/pulumi-cli

go 1.25.11

require (
\t${PKG} v${VERSION}
\t${SDK} v${VERSION}
${lang ? `\t${LANG} ${lang}\n` : ""})

replace github.com/atotto/clipboard => github.com/tgummerer/clipboard v0.0.0-20241001131231-d02d263e614e
`);
  fs.writeFileSync(path.join(src, "go.sum"), `${PKG} v${VERSION} h1:MkvI29cYE3QUEvSl+7kZrV5lQ6CBIt54WjYt2HEXDSg=
${PKG} v${VERSION}/go.mod h1:NBqXwZgQ9XVbqBQrxzrPPHttFCXg2Qe9rIZP/0NGMOk=
${SDK} v${VERSION} h1:TwY9uuToQO8xIey4a7awRzNX7iJ/doDmZkl1MzxULCE=
${SDK} v${VERSION}/go.mod h1:67RnWlA0uRHJKjbOkk1Hqz8BNefYv8csNLgln1EmmII=
`);
  goBuild("building pulumi (downloads the modules the first time)", ["-o", path.join(bin, "pulumi"), `${PKG}/cmd/pulumi`]);
  const langOut = ["-o", path.join(bin, "pulumi-language-nodejs")];
  if (!lang || !goBuild("building pulumi-language-nodejs", [...langOut, LANG], true)) {
    fs.mkdirSync(path.join(src, "stand-in"));
    fs.writeFileSync(path.join(src, "stand-in", "main.go"), STAND_IN);
    goBuild("building the stand-in pulumi-language-nodejs", [...langOut, "./stand-in"]);
  }

  // The dynamic-provider plugin: runs the @pulumi/pulumi that the program (the current folder) uses.
  fs.writeFileSync(path.join(bin, "pulumi-resource-pulumi-nodejs"), `#!/bin/sh
script=$(node -e "console.log(require.resolve('@pulumi/pulumi/cmd/dynamic-provider'))") || exit 1
exec node "$script" "$@"
`, { mode: 0o755 });

  try {
    fs.renameSync(out, TARGET);
  } catch (e) {
    if (e.code !== "ENOTEMPTY" && e.code !== "EEXIST") throw e;
    log(`another run finished ${TARGET} first; using that`);
  }
  fs.rmSync(work, { recursive: true, force: true });
  log(`built in ${secs(t0)}`);
}

// A minimal Node language host, used only when the real one's module can't be downloaded (this
// machine's GOPROXY serves pkg/v3 and sdk/v3 but not it). Like the real host it runs the program with
// the program's own @pulumi/pulumi/cmd/run; unlike it, it reports no required plugins (so plugins are
// never auto-installed), leaves `npm install` to you, and knows only the typescript/tsconfig/nodeargs options.
const STAND_IN = `package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/version"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/emptypb"
)

type host struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
	engine, tracing string
}

func main() {
	h := &host{}
	// The engine passes optional logging/tracing flags, then its own address last.
	for args, i := os.Args[1:], 0; i < len(args); i++ {
		if args[i] == "--tracing" && i+1 < len(args) {
			i++
			h.tracing = args[i]
		} else if !strings.HasPrefix(args[i], "-") {
			h.engine = args[i]
		}
	}
	if h.engine != "" { // exit if the engine goes away
		_ = rpcutil.Healthcheck(context.Background(), h.engine, time.Minute, func() { os.Exit(0) })
	}
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{Init: func(s *grpc.Server) error {
		pulumirpc.RegisterLanguageRuntimeServer(s, h)
		return nil
	}})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(handle.Port)
	if err := <-handle.Done; err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func (h *host) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: strings.TrimPrefix(version.Version, "v")}, nil
}

func (h *host) GetRequiredPackages(context.Context, *pulumirpc.GetRequiredPackagesRequest) (*pulumirpc.GetRequiredPackagesResponse, error) {
	return &pulumirpc.GetRequiredPackagesResponse{}, nil
}

func (h *host) GetRequiredPlugins(context.Context, *pulumirpc.GetRequiredPluginsRequest) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return &pulumirpc.GetRequiredPluginsResponse{}, nil
}

func (h *host) GetProgramDependencies(context.Context, *pulumirpc.GetProgramDependenciesRequest) (*pulumirpc.GetProgramDependenciesResponse, error) {
	return &pulumirpc.GetProgramDependenciesResponse{}, nil
}

func (h *host) InstallDependencies(*pulumirpc.InstallDependenciesRequest, grpc.ServerStreamingServer[pulumirpc.InstallDependenciesResponse]) error {
	return nil // dependencies are installed with npm, outside Pulumi
}

func (h *host) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	pwd := req.GetPwd()
	resolve := exec.Command("node", "-e", "process.stdout.write(require.resolve('@pulumi/pulumi/cmd/run'))")
	resolve.Dir = pwd
	runJS, err := resolve.Output()
	if err != nil {
		return &pulumirpc.RunResponse{Error: "cannot find @pulumi/pulumi from " + pwd + " (run npm install): " + err.Error()}, nil
	}
	opts := req.GetInfo().GetOptions().AsMap()
	args := []string{}
	if s, ok := opts["nodeargs"].(string); ok {
		args = append(args, strings.Fields(s)...)
	}
	args = append(args, string(runJS), "--monitor", req.GetMonitorAddress(), "--engine", h.engine,
		"--organization", req.GetOrganization(), "--project", req.GetProject(), "--stack", req.GetStack(),
		"--root-directory", req.GetInfo().GetRootDirectory(), "--pwd", pwd, "--parallel", fmt.Sprint(req.GetParallel()))
	if h.tracing != "" {
		args = append(args, "--tracing", h.tracing)
	}
	if req.GetDryRun() {
		args = append(args, "--dry-run")
	}
	program := req.GetInfo().GetEntryPoint()
	if program == "" {
		program = req.GetProgram()
	}
	args = append(append(args, program), req.GetArgs()...)

	config, _ := json.Marshal(req.GetConfig())
	secretKeys, _ := json.Marshal(req.GetConfigSecretKeys())
	typescript := opts["typescript"] != false // on unless the project turns it off, like the real host
	cmd := exec.CommandContext(ctx, "node", args...)
	cmd.Dir, cmd.Stdout, cmd.Stderr = pwd, os.Stdout, os.Stderr
	cmd.Env = append(os.Environ(), "PULUMI_CONFIG="+string(config), "PULUMI_CONFIG_SECRET_KEYS="+string(secretKeys),
		fmt.Sprintf("PULUMI_NODEJS_TYPESCRIPT=%t", typescript))
	if s, ok := opts["tsconfig"].(string); ok {
		cmd.Env = append(cmd.Env, "PULUMI_NODEJS_TSCONFIG_PATH="+s)
	}
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) && exit.ExitCode() == 32 { // the program already reported its error
			return &pulumirpc.RunResponse{Bail: true}, nil
		}
		return &pulumirpc.RunResponse{Error: "the Node.js program failed: " + err.Error()}, nil
	}
	return &pulumirpc.RunResponse{}, nil
}
`;

main();
