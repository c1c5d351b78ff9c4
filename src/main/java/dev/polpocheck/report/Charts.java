package dev.polpocheck.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Builds the report's charts with XChart and renders them to SVG that can be inlined in HTML.
 *
 * <p>XChart draws through AWT, so rendering needs {@code java.awt.headless=true} (set here before
 * the first chart) and a font (Debian's fonts-dejavu-core on CI). Inlined SVGs share one document:
 * every {@code id} and {@code url(#...)} reference of a chart is prefixed with the chart's own name
 * so that the clip paths of two charts never collide.
 */
final class Charts {
  static final int WIDTH = 860;
  static final int HEIGHT = 360;
  private static final Color BAND = new Color(0x9ecae1);
  private static final Color LINE = new Color(0x08519c);
  private static final Color BUDGET = new Color(0xd62728);

  static {
    // before any chart touches AWT fonts: a report never needs a display
    System.setProperty("java.awt.headless", "true");
  }

  private Charts() {}

  /**
   * A chart ready to inline.
   *
   * @param id unique id in the page
   * @param title caption
   * @param svg the SVG element
   */
  record Rendered(String id, String title, String svg) {}

  /** A daily series with a P5-P95 band around the median. */
  static XYChart band(
      String title, String yTitle, double[] p5, double[] p50, double[] p95, Double budget) {
    XYChart c = xy(title, "day", yTitle);
    int n = p50.length;
    double[] x = days(n);
    double[] polyX = new double[2 * n];
    double[] polyY = new double[2 * n];
    for (int i = 0; i < n; i++) {
      polyX[i] = x[i];
      polyY[i] = p95[i];
      polyX[2 * n - 1 - i] = x[i];
      polyY[2 * n - 1 - i] = p5[i];
    }
    XYSeries b = c.addSeries("P5-P95", polyX, polyY);
    b.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
    b.setFillColor(BAND);
    b.setLineColor(BAND);
    b.setMarker(SeriesMarkers.NONE);
    XYSeries m = c.addSeries("P50", x, p50);
    m.setLineColor(LINE);
    m.setMarker(SeriesMarkers.NONE);
    if (budget != null) {
      XYSeries bl = c.addSeries("budget", new double[] {x[0], x[n - 1]},
          new double[] {budget, budget});
      bl.setLineColor(BUDGET);
      bl.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
          new float[] {6f, 4f}, 0f));
      bl.setMarker(SeriesMarkers.NONE);
    }
    return c;
  }

  /** One line per named series over the days. */
  static XYChart lines(String title, String xTitle, String yTitle, Map<String, double[][]> series) {
    XYChart c = xy(title, xTitle, yTitle);
    double max = 0;
    for (Map.Entry<String, double[][]> e : series.entrySet()) {
      double[][] xy = e.getValue();
      c.addSeries(e.getKey(), xy[0], xy[1])
          .setMarker(xy[0].length <= 40 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
      for (double v : xy[1]) {
        max = Math.max(max, v);
      }
    }
    if (max <= 0) {
      // an all-zero axis has no scale: XChart would draw NaN coordinates
      c.getStyler().setYAxisMin(0.0);
      c.getStyler().setYAxisMax(1.0);
    }
    return c;
  }

  /** A bar chart of named values, with optional P5-P95 error bars. */
  static CategoryChart bars(
      String title, String yTitle, List<String> names, double[] values, double[] low,
      double[] high) {
    CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle("").yAxisTitle(yTitle).build();
    style(c.getStyler());
    c.getStyler().setLegendVisible(false);
    c.getStyler().setYAxisDecimalPattern("#,##0.##");
    List<Double> v = new ArrayList<>();
    List<Double> err = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      v.add(values[i]);
      err.add(high == null ? 0 : Math.max(0, high[i] - values[i]));
    }
    double max = 0;
    for (double x : values) {
      max = Math.max(max, x);
    }
    if (max <= 0) {
      // an all-zero axis has no scale: XChart would draw NaN coordinates
      c.getStyler().setYAxisMin(0.0);
      c.getStyler().setYAxisMax(1.0);
    }
    if (names.isEmpty()) {
      c.addSeries(yTitle, List.of("(none)"), List.of(0.0));
    } else if (high == null) {
      c.addSeries(yTitle, names, v);
    } else {
      c.getStyler().setErrorBarsColor(Color.DARK_GRAY);
      c.addSeries(yTitle, names, v, err);
    }
    return c;
  }

  /** Periods of unavailability, one row per profile, hours from the horizon's start on x. */
  static XYChart timeline(String title, List<String> rows, List<double[]> spans, List<Integer> rowOf,
      double hours) {
    XYChart c = xy(title, "hour", "profile");
    c.getStyler().setLegendVisible(false);
    c.getStyler().setYAxisMin(-0.5);
    c.getStyler().setYAxisMax(Math.max(0.5, rows.size() - 0.5));
    c.getStyler().setXAxisMin(0.0);
    c.getStyler().setXAxisMax(Math.max(1.0, hours));
    if (spans.isEmpty()) {
      XYSeries s = c.addSeries("none", new double[] {0, Math.max(1.0, hours)}, new double[] {0, 0});
      s.setLineColor(new Color(0xcccccc));
      s.setMarker(SeriesMarkers.NONE);
    }
    int limit = Math.min(spans.size(), 400);
    for (int i = 0; i < limit; i++) {
      double[] sp = spans.get(i);
      double y = rowOf.get(i);
      XYSeries s = c.addSeries("span" + i, new double[] {sp[0], sp[1]}, new double[] {y, y});
      s.setLineColor(sp[2] > 0 ? BUDGET : new Color(0xff7f0e));
      s.setLineWidth(8f);
      s.setMarker(SeriesMarkers.NONE);
    }
    return c;
  }

  private static XYChart xy(String title, String xTitle, String yTitle) {
    XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    style(c.getStyler());
    c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    c.getStyler().setYAxisDecimalPattern("#,##0.##");
    return c;
  }

  private static void style(org.knowm.xchart.style.AxesChartStyler s) {
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderVisible(false);
    s.setLegendBorderColor(Color.WHITE);
    s.setAntiAlias(true);
  }

  private static double[] days(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i + 1;
    }
    return x;
  }

  private static final Pattern ID = Pattern.compile("id=\"([^\"]+)\"");

  /** The chart as an inline {@code <svg>} element whose ids are prefixed with {@code id}. */
  static Rendered render(String id, Chart<?, ?> chart) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      VectorGraphicsEncoder.saveVectorGraphic(chart, out,
          VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String svg = out.toString(StandardCharsets.UTF_8);
    int start = svg.indexOf("<svg");
    svg = svg.substring(start);
    Matcher m = ID.matcher(svg);
    List<String> ids = new ArrayList<>();
    while (m.find()) {
      ids.add(m.group(1));
    }
    // XChart names clip paths after identity hash codes: renumber them so the page is the same
    // bytes on every run, and prefix them so two inlined charts never share an id.
    for (int i = 0; i < ids.size(); i++) {
      String old = ids.get(i);
      String fresh = id + "-" + i;
      svg = svg.replace("id=\"" + old + "\"", "id=\"" + fresh + "\"")
          .replace("url(#" + old + ")", "url(#" + fresh + ")")
          .replace("href=\"#" + old + "\"", "href=\"#" + fresh + "\"");
    }
    svg = svg.replaceFirst("<svg", "<svg role=\"img\" aria-label=\"" + escape(chart.getTitle())
        + "\" class=\"chart\" data-chart=\"" + id + "\"");
    return new Rendered(id, chart.getTitle(), svg);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
  }
}
