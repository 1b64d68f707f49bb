// Core: the vocabulary every module shares — fiscal periods and calendar dates, exact money,
// decimal arithmetic with one rounding rule, and the error type. It imports nothing of the rest of Uplink.
export * from "./calendar-date.js";
export * from "./decimal.js";
export * from "./errors.js";
export * from "./fiscal-period.js";
export * from "./money.js";
