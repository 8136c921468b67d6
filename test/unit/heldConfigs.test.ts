import { beforeEach, describe, expect, it } from "vitest";
import { claimImportId, deleteWouldOrphanAnother, forgetHeldConfigs, isHeld, noteBound, noteHeld, otherHolder } from "../../provider/core/heldConfigs";

const KIND = "composio.AuthConfig";

describe("which configs the run's resources hold", () => {
  beforeEach(() => forgetHeldConfigs());

  it("a rename without aliases: the delete of the old resource leaves the config the new one adopted", () => {
    noteBound(KIND, "ac_x", "new");
    expect(deleteWouldOrphanAnother(KIND, "ac_x", "old")).toBe("new");
  });

  it("a replacement: the resource's own old config is deleted, its new one is not", () => {
    noteHeld(KIND, "ac_old", "r"); // its diff
    noteBound(KIND, "ac_new", "r"); // its create
    expect(deleteWouldOrphanAnother(KIND, "ac_old", "r")).toBeUndefined();
    expect(deleteWouldOrphanAnother(KIND, "ac_new", "r")).toBe("r");
  });

  it("a config another resource holds is never deleted for this one, nor adopted by it", () => {
    noteHeld(KIND, "ac_y", "a");
    expect(deleteWouldOrphanAnother(KIND, "ac_y", "b")).toBe("a");
    expect(otherHolder(KIND, "ac_y", "b")).toBe("a");
    expect(otherHolder(KIND, "ac_y", "a")).toBeUndefined();
    expect(isHeld(KIND, "ac_y")).toBe(true);
    expect(isHeld("flowra.AuthConfig", "ac_y")).toBe(false);
  });

  it("one importId, one resource", () => {
    expect(claimImportId(KIND, "ac_z", "a")).toBeUndefined();
    expect(claimImportId(KIND, "ac_z", "a")).toBeUndefined();
    expect(claimImportId(KIND, "ac_z", "b")).toBe("a");
    // The first claimant learns of the second before it writes (see adopt in core/dynamicProvider.ts).
    expect(claimImportId(KIND, "ac_z", "a")).toBe("b");
  });

  it("a config the program declares as an importId is not deleted: a replacement adopts it again after its delete", () => {
    claimImportId(KIND, "ac_w", "r");
    expect(deleteWouldOrphanAnother(KIND, "ac_w", "r")).toBe("r");
  });
});
