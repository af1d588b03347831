/** React SVG renderers of the presenter's chart geometry (app/reports/charts). */
export { CostBreakdownChart, MonteCarloRangeChart, TornadoChartView } from "./bar-charts.tsx";
export { ChartFrame, XAxis, YAxis } from "./chart-frame.tsx";
export type { ChartPair } from "./chart-frame.tsx";
export { CapacityPlanChart, CumulativeCostChart } from "./line-charts.tsx";
