declare module 'parse-prometheus-text-format' {
  /** Metric families of a Prometheus text-format exposition. */
  export default function parsePrometheusTextFormat(text: string): unknown[];
}
