import { describe, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import {
  nps,
  npsTally,
  type NpsCategory,
  classifyNps,
  type NpsResponse,
  NpsResponseSchema,
  type NpsResult,
  type NpsTally,
} from "../../src/nps/index.js";

describe("nps types", () => {
  it("schema types and results", () => {
    expectTypeOf<NpsResponse>().toEqualTypeOf<z.infer<typeof NpsResponseSchema>>();
    expectTypeOf(classifyNps(9)).toEqualTypeOf<NpsCategory>();
    expectTypeOf(npsTally(new Uint8Array(3))).toEqualTypeOf<NpsTally>();
    expectTypeOf(nps(npsTally([9]))).toEqualTypeOf<NpsResult>();
    expectTypeOf(nps([9]).confidenceInterval).toEqualTypeOf<readonly [number, number]>();
    // @ts-expect-error strings are not scores
    nps(["9"]);
    // @ts-expect-error the interval method is a closed union
    nps([9], { interval: "exact" });
  });
});
