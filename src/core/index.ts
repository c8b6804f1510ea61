/**
 * Shared foundations: the one error type, input guards, schema validation,
 * exact money and UTC time handling, and period/rate conversion.
 *
 * @module core
 */
export {
  METRICS_ERROR_CODES,
  MetricsError,
  isMetricsError,
  metricsError,
  type MetricsErrorCode,
  type MetricsErrorInit,
  type MetricsErrorJSON,
  type MetricsIssue,
  type PathSegment,
} from "./errors.js";
export {
  assertFinite,
  assertInRange,
  assertProbability,
  assertNonNegative,
  assertPositive,
  assertIntegerInRange,
  assertNonEmpty,
  assertSameLength,
  assertOneOf,
  assertSafeKey,
  isUnsafeKey,
  assertKnownOptions,
  isArrayLike,
} from "./guards.js";
export {
  parseWithSchema,
  type SafeParseable,
  type SafeParseResult,
  type SafeParseSuccess,
  type SafeParseFailure,
} from "./validate.js";
export {
  money,
  isMoney,
  roundMoney,
  allocateMoney,
  sumMoney,
  type DecimalInput,
  type Money,
  type RoundMoneyOptions,
} from "./money.js";
export {
  toEpochMs,
  toDayNumber,
  fromDayNumber,
  periodIndex,
  periodStart,
  periodLabel,
  bucketPeriod,
  PERIODS,
  type DateInput,
  type DayNumberOptions,
  type Period,
  type PeriodBucket,
} from "./time.js";
export { convertRate, PERIOD_IN_YEARS, type ConvertRateOptions, type RateKind } from "./rates.js";
