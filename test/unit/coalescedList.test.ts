import { describe, expect, it } from "vitest";
import { CoalescedList } from "../../provider/core/coalescedList";
import type { CallContext } from "../../provider/core/definition";
import { ServerError } from "../../provider/core/errors";

const ctx = (name: string, secrets: string[] = []): CallContext => ({ resource: `x.Thing "${name}"`, operation: "read", secrets });

/** A list source whose requests the test answers by hand; each answer is the request's number. */
function manualSource() {
  const requests: { ctx: CallContext; answer(): void; fail(error: Error): void }[] = [];
  const fetchAll = (requestCtx: CallContext) =>
    new Promise<number[]>((resolve, reject) => {
      const n = requests.length + 1;
      requests.push({ ctx: requestCtx, answer: () => resolve([n]), fail: reject });
    });
  return { requests, fetchAll };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("CoalescedList", () => {
  it("callers of the same tick share one request", async () => {
    const source = manualSource();
    const list = new CoalescedList(source.fetchAll);
    const results = Array.from({ length: 100 }, (_, i) => list.list(ctx(`r${i}`)));
    await settle();
    expect(source.requests).toHaveLength(1);
    source.requests[0].answer();
    expect(new Set((await Promise.all(results)).map((r) => r[0]))).toEqual(new Set([1]));
  });

  it("a caller arriving while a request is in flight gets the next one, shared with everyone who arrived meanwhile", async () => {
    const source = manualSource();
    const list = new CoalescedList(source.fetchAll);
    const early = list.list(ctx("early"));
    await settle();
    expect(source.requests).toHaveLength(1);
    // Asked after request 1 was sent: request 1 may predate their writes, so they must not get it.
    const late = [list.list(ctx("late1")), list.list(ctx("late2"))];
    await settle();
    const later = list.list(ctx("late3"));
    await settle();
    expect(source.requests).toHaveLength(1);
    source.requests[0].answer();
    expect(await early).toEqual([1]);
    await settle();
    expect(source.requests).toHaveLength(2);
    source.requests[1].answer();
    expect(await Promise.all([...late, later])).toEqual([[2], [2], [2]]);
  });

  it("after the last answer, a new caller starts a new request", async () => {
    const source = manualSource();
    const list = new CoalescedList(source.fetchAll);
    const first = list.list(ctx("a"));
    await settle();
    source.requests[0].answer();
    await first;
    const second = list.list(ctx("b"));
    await settle();
    source.requests[1].answer();
    expect(await second).toEqual([2]);
  });

  it("the shared request scrubs every caller's secrets; a failure reaches each caller naming that caller, as the same kind of error", async () => {
    const source = manualSource();
    const list = new CoalescedList(source.fetchAll);
    const a = list.list(ctx("a", ["secret-of-a"])).catch((e: unknown) => e);
    const b = list.list(ctx("b", ["secret-of-b"])).catch((e: unknown) => e);
    await settle();
    expect(source.requests[0].ctx.resource).toBe('x.Thing "a"');
    expect(source.requests[0].ctx.secrets).toEqual(["secret-of-a", "secret-of-b"]);
    const failure = new ServerError("AUTHCONFIG_API_SERVER_ERROR", {
      context: source.requests[0].ctx,
      status: 500,
      method: "GET",
      path: "/list",
      body: { message: "boom" },
    });
    source.requests[0].fail(failure);
    const [errorA, errorB] = (await Promise.all([a, b])) as ServerError[];
    expect(errorA).toBe(failure);
    expect(errorB).toBeInstanceOf(ServerError);
    expect(errorB.message).toBe('x.Thing "b": read failed: GET /list answered 500: boom');
    expect(errorB.status).toBe(500);
    expect(errorB.code).toBe("AUTHCONFIG_API_SERVER_ERROR");
    expect(errorA.message).toContain('x.Thing "a": read failed');
  });
});
