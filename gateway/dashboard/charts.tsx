import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from "chart.js";
import { useEffect, useRef } from "react";

import { formatInteger } from "./api";

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Legend,
  Tooltip,
);
Chart.defaults.locale = "vi-VN";
Chart.defaults.font.family = "system-ui, sans-serif";
// The page measures its own render: charts draw at once, without animation.
Chart.defaults.animation = false;

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  colour: string;
  /** Drawn as a line on the right-hand axis (amounts beside counts). */
  line?: boolean;
}

interface ChartProps {
  id: string;
  title: string;
  /** What the chart shows, in words: the canvas's accessible name. */
  summary: string;
  labels: string[];
  series: ChartSeries[];
  horizontal?: boolean;
  stacked?: boolean;
  /** Formats the numbers of the table beside the chart (VND, rates). */
  format?: (value: number) => string;
  formatRight?: (value: number) => string;
}

/**
 * One chart (Chart.js on a canvas) with its figures as a table beneath, for screen readers and
 * for anyone who wants the numbers: the canvas has an accessible name, the table the data.
 */
export const ChartPanel = ({
  id,
  title,
  summary,
  labels,
  series,
  horizontal,
  stacked,
  format,
  formatRight,
}: ChartProps) => {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const right = series.some((one) => one.line);
    const config: ChartConfiguration<"bar" | "line", (number | null)[], string> = {
      type: "bar",
      data: {
        labels,
        datasets: series.map((one) => ({
          type: one.line ? ("line" as const) : ("bar" as const),
          label: one.label,
          data: one.values,
          backgroundColor: one.colour,
          borderColor: one.colour,
          ...(one.line ? { yAxisID: "right" } : {}),
        })),
      },
      options: {
        indexAxis: horizontal ? "y" : "x",
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { display: series.length > 1, position: "bottom" } },
        scales: {
          // The categories (months, communes, bins) on the index axis; the figures on the other.
          [horizontal ? "y" : "x"]: { type: "category", stacked },
          [horizontal ? "x" : "y"]: {
            type: "linear",
            stacked,
            beginAtZero: true,
            ticks: { callback: (value: string | number) => (format ?? formatInteger)(Number(value)) },
          },
          ...(right
            ? {
                right: {
                  type: "linear" as const,
                  position: "right" as const,
                  beginAtZero: true,
                  grid: { drawOnChartArea: false },
                  ticks: { callback: (value: string | number) => (formatRight ?? formatInteger)(Number(value)) },
                },
              }
            : {}),
        },
      },
    };
    const chart = new Chart(canvas.current, config as ChartConfiguration);
    return () => chart.destroy();
  }, [labels, series, horizontal, stacked, format, formatRight]);

  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <div className="chart-canvas">
        <canvas ref={canvas} role="img" aria-label={summary} data-chart={id} />
      </div>
      <details>
        <summary>Bảng số liệu</summary>
        <table className="chart-table" data-chart-table={id}>
          <thead>
            <tr>
              <th scope="col" />
              {series.map((one) => (
                <th scope="col" key={one.label}>
                  {one.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {labels.map((label, index) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {series.map((one) => (
                  <td key={one.label}>
                    {one.values[index] == null
                      ? "—"
                      : (one.line ? (formatRight ?? formatInteger) : (format ?? formatInteger))(one.values[index]!)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
};
