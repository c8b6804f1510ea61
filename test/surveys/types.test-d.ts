import { describe, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import {
  csat,
  customerLoyaltyIndex,
  scoreSurvey,
  type SurveyDefinition,
  SurveyDefinitionSchema,
  type CsatResult,
  type CustomerLoyaltyIndexResult,
} from "../../src/surveys/index.js";

describe("surveys types", () => {
  it("SurveyDefinition is the schema's inferred type", () => {
    expectTypeOf<SurveyDefinition>().toEqualTypeOf<z.infer<typeof SurveyDefinitionSchema>>();
  });

  it("results are typed; wrong inputs do not compile", () => {
    expectTypeOf(csat([5, 4])).toEqualTypeOf<CsatResult>();
    expectTypeOf(
      customerLoyaltyIndex([{ recommend: 9, repurchase: 8, tryOther: 7 }]),
    ).toEqualTypeOf<CustomerLoyaltyIndexResult>();
    // @ts-expect-error a CLI response needs all three answers
    customerLoyaltyIndex([{ recommend: 9, repurchase: 8 }]);
    // @ts-expect-error the method is a closed union
    csat([5], { method: "median" });
    scoreSurvey(
      // @ts-expect-error an index method must be one of the documented ones
      { questions: [{ id: "q", text: "q", scale: { min: 1, max: 5 } }], indices: [{ id: "i", questions: ["q"], method: "sum" }] },
      [],
    );
  });
});
