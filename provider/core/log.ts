/**
 * Log lines of the provider process. The Pulumi engine shows a plugin's stderr as diagnostics that
 * belong to no resource, so every line names its resource. Never pass a secret here.
 */
export function logLine(line: string): void {
  process.stderr.write(`pulumi-authconfig: ${line}\n`);
}
