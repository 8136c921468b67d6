import type * as pulumi from "@pulumi/pulumi";

// The lookups' public types, apart from their implementation (lookups.ts): the declarations users
// compile against then reach nothing of the provider core (and its dependencies' types).

/** Arguments whose fields may be Outputs. */
export type LookupInputs<A> = { readonly [K in keyof A]: pulumi.Input<A[K]> };

/** The four lookup functions of one resource: by id and list, each plain and with Output arguments. */
export interface LookupFunctions<GetArgs, ListArgs, Result> {
  get(args: GetArgs): Promise<Result>;
  getOutput(args: pulumi.Input<LookupInputs<GetArgs>>): pulumi.Output<Result>;
  list(args?: ListArgs): Promise<{ items: Result[] }>;
  listOutput(args?: pulumi.Input<LookupInputs<ListArgs>>): pulumi.Output<{ items: Result[] }>;
}
