/**
 * The `btyd` area (see docs/btyd.md): transaction summaries and buy-till-you-die models.
 *
 * @module btyd
 */
export { summarizeTransactions } from "./summarizeTransactions.js";
export { summarizeTransactionColumns } from "./summarizeTransactionColumns.js";
export type {
  BtydTransaction,
  BtydTransactionColumns,
  CustomerSummary,
  SummarizeTransactionsOptions,
  TransactionColumnsSummary,
} from "./summaryTypes.js";
