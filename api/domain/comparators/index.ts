// Comparators for performance data (framework component ii): an authority's
// published DfE figures beside its region, England and its statistical
// neighbours. Pure: the files are read by adapters in api/comparators/.
export * from "./published-value.js";
export * from "./statistics.js";
export * from "./comparators-for.js";
