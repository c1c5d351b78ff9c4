package dev.polpocheck.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
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
  static final long HOUR = 3_600_000L;
  static final int LABEL_CHARS = 28;
  static final long DAY = 24 * HOUR;
  private static final Color BAND = new Color(0x9ecae1);
  private static final Color LINE = new Color(0x08519c);
  private static final Color BUDGET = new Color(0xd62728);

  static {
    // before any chart touches AWT fonts: a report never needs a display
    System.setProperty("java.awt.headless", "true");
  }

  private Charts() {}

  /**
   * A chart ready to inline, or the sentence that replaces a chart with nothing to draw.
   *
   * @param id unique id in the page
   * @param title caption
   * @param svg the SVG element, or null when there is nothing to draw
   * @param values the chart's numbers as a table shown beside it (readable without a ruler), or
   *     null
   * @param note the sentence shown instead of an empty chart, or null
   */
  record Rendered(String id, String title, String svg, Page.Table values, String note) {
    /** True when there is a chart to show (for the template). */
    boolean hasSvg() {
      return svg != null;
    }
  }

  /**
   * Draws a dated band chart and a bar chart of two points each and throws them away: the first
   * chart of a run loads XChart, AWT's fonts and the SVG writer, which takes longer than drawing
   * the chart itself ({@link ForecastReport#prepare}).
   */
  static void prepare() {
    double[] low = {1, 2};
    double[] mid = {2, 3};
    double[] high = {3, 4};
    render("prepare-band", band("band", "USD", 0, low, mid, high, 2.5), null);
    render("prepare-bars", bars("bars", "USD", List.of("a", "b"), mid, low, high), null);
  }

  /** One sentence in place of a chart that would have nothing on it. */
  static Rendered none(String id, String title, String sentence) {
    return new Rendered(id, title, null, null, sentence);
  }

  /**
   * A daily series with a P5-P95 band around the median, one point per UTC day from {@code
   * startMillis}, dates on the x axis.
   */
  static XYChart band(String title, String yTitle, long startMillis, double[] p5, double[] p50,
      double[] p95, Double budget) {
    XYChart c = dated(title, yTitle, false);
    c.getStyler().setYAxisMin(0.0); // money reads against zero
    int n = p50.length;
    List<Date> x = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      x.add(new Date(startMillis + i * DAY));
    }
    List<Date> polyX = new ArrayList<>();
    List<Double> polyY = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      polyX.add(x.get(i));
      polyY.add(p95[i]);
    }
    for (int i = n - 1; i >= 0; i--) {
      polyX.add(x.get(i));
      polyY.add(p5[i]);
    }
    XYSeries b = c.addSeries("P5-P95", polyX, polyY);
    b.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
    b.setFillColor(BAND);
    b.setLineColor(BAND);
    b.setMarker(SeriesMarkers.NONE);
    XYSeries m = c.addSeries("P50", x, boxed(p50));
    m.setLineColor(LINE);
    m.setMarker(n <= 40 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
    m.setMarkerColor(LINE);
    if (budget != null) {
      XYSeries bl = c.addSeries("budget", List.of(x.get(0), x.get(n - 1)),
          List.of(budget, budget));
      bl.setLineColor(BUDGET);
      bl.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
          new float[] {6f, 4f}, 0f));
      bl.setMarker(SeriesMarkers.NONE);
    }
    return c;
  }

  /**
   * One line per named series over time ({@code millis} are the points' instants, UTC dates on
   * the axis). A NaN value is "no data" and is drawn as a gap, never as zero; {@code percent}
   * fixes the y axis to 0-100 so that two charts of shares read alike.
   */
  static XYChart overTime(String title, String yTitle, long[] millis, Map<String, double[]> series,
      boolean percent, boolean withHours) {
    XYChart c = dated(title, yTitle, withHours);
    List<Date> x = new ArrayList<>();
    for (long t : millis) {
      x.add(new Date(t));
    }
    double max = 0;
    for (Map.Entry<String, double[]> e : series.entrySet()) {
      XYSeries s = c.addSeries(e.getKey(), x, boxed(e.getValue()));
      s.setMarker(SeriesMarkers.CIRCLE);
      for (double v : e.getValue()) {
        if (!Double.isNaN(v)) {
          max = Math.max(max, v);
        }
      }
    }
    if (percent) {
      c.getStyler().setYAxisMin(0.0);
      c.getStyler().setYAxisMax(100.0);
      c.getStyler().setYAxisTickMarkSpacingHint(40); // ticks every 20 %, not just 0 and 100
    } else {
      c.getStyler().setYAxisMin(0.0); // amounts and counts read against zero
      if (max <= 0) {
        // an all-zero axis has no scale: XChart would draw NaN coordinates
        c.getStyler().setYAxisMax(1.0);
      }
    }
    return c;
  }

  /** One line per named series over a numeric x axis (load curves). */
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

  /**
   * A bar chart of named values, with optional P5-P95 error bars. Callers replace a chart with no
   * names by {@link #none}.
   */
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
    List<String> labels = shortLabels(names);
    if (labels.stream().mapToInt(String::length).sum() > 90) {
      c.getStyler().setXAxisLabelRotation(20); // long names side by side would overlap
    }
    if (high == null) {
      c.addSeries(yTitle, labels, v);
    } else {
      c.getStyler().setErrorBarsColor(Color.DARK_GRAY);
      c.addSeries(yTitle, labels, v, err);
    }
    return c;
  }

  /**
   * Periods of unavailability, one row per profile, on a date-and-hour axis. Each span is {@code
   * {startMillis, endMillis, 1 for billing-disable else 0}}; callers replace a timeline without
   * spans by {@link #none}.
   */
  static XYChart timeline(String title, List<String> rows, List<long[]> spans, List<Integer> rowOf,
      long startMillis, long endMillis) {
    XYChart c = dated(title, "profile", true);
    c.getStyler().setLegendVisible(false);
    c.getStyler().setYAxisMin(-0.5);
    c.getStyler().setYAxisMax(Math.max(0.5, rows.size() - 0.5));
    c.getStyler().setXAxisMin((double) startMillis);
    c.getStyler().setXAxisMax((double) Math.max(startMillis + HOUR, endMillis));
    int limit = Math.min(spans.size(), 400);
    for (int i = 0; i < limit; i++) {
      long[] sp = spans.get(i);
      double y = rowOf.get(i);
      XYSeries s = c.addSeries("span" + i, List.of(new Date(sp[0]), new Date(sp[1])),
          List.of(y, y));
      s.setLineColor(sp[2] > 0 ? BUDGET : new Color(0xff7f0e));
      s.setLineWidth(8f);
      s.setMarker(SeriesMarkers.NONE);
    }
    return c;
  }

  /** Bars of shares in percent, on a 0-100 axis with ticks every 20. */
  static CategoryChart shareBars(String title, List<String> names, double[] percents) {
    CategoryChart c = bars(title, "% of calls", names, percents, null, null);
    c.getStyler().setYAxisMin(0.0);
    c.getStyler().setYAxisMax(100.0);
    c.getStyler().setYAxisTickMarkSpacingHint(40);
    return c;
  }

  /**
   * Bar labels that fit: names longer than {@value #LABEL_CHARS} characters keep their end (where
   * worktree and project names differ) after an ellipsis, unless that would make two equal; the
   * values table beside the chart has the full names.
   */
  static List<String> shortLabels(List<String> names) {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      String l = label(n);
      out.add(l.length() <= LABEL_CHARS ? l : "…" + l.substring(l.length() - LABEL_CHARS + 1));
    }
    return new java.util.HashSet<>(out).size() == out.size() ? out
        : names.stream().map(Charts::label).toList();
  }

  /** A bar or axis label: never empty (AWT cannot lay out an empty string). */
  static String label(String name) {
    return name == null || name.isBlank() ? "(none)" : name;
  }

  private static XYChart dated(String title, String yTitle, boolean withHours) {
    XYChart c = xy(title, withHours ? "date and hour (UTC)" : "date (UTC)", yTitle);
    c.getStyler().setTimezone(TimeZone.getTimeZone("UTC"));
    c.getStyler().setLocale(Locale.ENGLISH);
    c.getStyler().setDatePattern(withHours ? "MMM d HH:mm" : "MMM d");
    c.getStyler().setXAxisTickMarkSpacingHint(withHours ? 120 : 90); // labels never touch
    return c;
  }

  private static List<Double> boxed(double[] v) {
    List<Double> out = new ArrayList<>(v.length);
    for (double d : v) {
      out.add(d);
    }
    return out;
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

  private static final Pattern ID = Pattern.compile("id=\"([^\"]+)\"");
  private static final Object SVG_WRITER = new Object();

  /**
   * The chart as an inline {@code <svg>} element whose ids are prefixed with {@code id}, with its
   * numbers in {@code values} (or null).
   */
  static Rendered render(String id, Chart<?, ?> chart, Page.Table values) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // VectorGraphics2D formats every coordinate through one static DecimalFormat (not thread-safe):
    // one chart at a time, whichever thread draws it (ForecastReport#prepare runs on a side thread)
    synchronized (SVG_WRITER) {
      try {
        VectorGraphicsEncoder.saveVectorGraphic(chart, out,
            VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
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
    return new Rendered(id, chart.getTitle(), svg, values, null);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
  }
}
