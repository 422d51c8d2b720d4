/** The fonts and sizes every cncouple chart shares (DejaVu Sans: the font the PNG renderer has on Debian). */
export const CHART_CONFIG = {
  font: 'DejaVu Sans, Helvetica, Arial, sans-serif',
  axis: { labelFontSize: 11, titleFontSize: 12 },
  legend: { labelFontSize: 11, titleFontSize: 12 },
};

/** Schema, left-aligned title and subtitle, white background and {@link CHART_CONFIG}: the head of a Vega-Lite spec. */
export const chartHead = (text: string, subtitle: string) => ({
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  title: { text, subtitle, anchor: 'start' as const },
  background: 'white',
  config: CHART_CONFIG,
});
