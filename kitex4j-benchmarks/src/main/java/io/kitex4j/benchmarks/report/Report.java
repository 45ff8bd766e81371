package io.kitex4j.benchmarks.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Renders the harness's CSV: PNG charts (QPS, p99, p999 against concurrency at the reference size
 * and against size at the reference concurrency; one line per target, like Kitex's README charts)
 * and a Markdown table with the ratios of every Kitex4j line to every peer at the reference point.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Charts and a Markdown table from benchmarks/bin/run-all's results.csv.")
public final class Report implements Callable<Integer> {

    @Parameters(index = "0", description = "results.csv written by the echo clients")
    Path csv;

    @Parameters(index = "1", description = "output directory for the PNGs and results.md")
    Path out;

    @Option(names = "--ref-concurrency", defaultValue = "100")
    int refConcurrency;

    @Option(names = "--ref-size", defaultValue = "1024")
    int refSize;

    @Option(names = "--title", defaultValue = "", description = "Subtitle for the charts (date, machine, settings).")
    String title;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Report()).execute(args));
    }

    /** One CSV row, by column name. */
    record Row(Map<String, String> v) {
        String s(String k) {
            return v.getOrDefault(k, "");
        }

        double d(String k) {
            String x = s(k);
            return x.isEmpty() ? Double.NaN : Double.parseDouble(x);
        }

        int i(String k) {
            return Integer.parseInt(s(k));
        }

        String label() {
            return s("label");
        }
    }

    static List<Row> read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<Row> rows = new ArrayList<>();
        if (lines.isEmpty()) {
            return rows;
        }
        String[] header = lines.get(0).split(",", -1);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank() || line.startsWith("time,")) {
                continue;
            }
            String[] f = line.split(",", -1);
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < header.length && i < f.length; i++) {
                m.put(header[i], f[i]);
            }
            rows.add(new Row(m));
        }
        return rows;
    }

    @Override
    public Integer call() throws Exception {
        List<Row> rows = read(csv);
        Files.createDirectories(out);
        // The last row wins when a (label, concurrency, size) point was measured twice.
        Map<String, Row> points = new LinkedHashMap<>();
        for (Row r : rows) {
            points.put(r.label() + "|" + r.s("concurrency") + "|" + r.s("size"), r);
        }
        List<Row> unique = new ArrayList<>(points.values());
        List<String> labels = unique.stream().map(Row::label).distinct().toList();
        String[][] metrics = {{"qps", "QPS"}, {"p99_ms", "p99 latency (ms)"}, {"p999_ms", "p999 latency (ms)"}};
        List<String> written = new ArrayList<>();
        for (String[] m : metrics) {
            written.add(chart(unique, labels, m[0], m[1], "concurrency", "size", refSize,
                    "concurrency (callers, " + refSize + " B)", String.format(Locale.ROOT, "%s_vs_concurrency.png", name(m[0]))));
            written.add(chart(unique, labels, m[0], m[1], "size", "concurrency", refConcurrency,
                    "message size (bytes, c=" + refConcurrency + ")", String.format(Locale.ROOT, "%s_vs_size.png", name(m[0]))));
        }
        String md = markdown(unique, labels);
        Files.writeString(out.resolve("results.md"), md, StandardCharsets.UTF_8);
        System.out.print(md);
        for (String w : written) {
            if (w != null) {
                System.out.println("chart: " + out.resolve(w));
            }
        }
        return 0;
    }

    private static String name(String metric) {
        return metric.replace("_ms", "");
    }

    /** One chart: {@code metric} against {@code xCol} among rows whose {@code fixedCol} is {@code fixedValue}. */
    private String chart(List<Row> rows, List<String> labels, String metric, String metricTitle, String xCol, String fixedCol,
                         int fixedValue, String xTitle, String file) throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(560)
                .title(metricTitle + " vs " + xCol + (title.isEmpty() ? "" : " — " + title))
                .xAxisTitle(xTitle).yAxisTitle(metricTitle).build();
        Styler s = chart.getStyler();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisDecimalPattern(metric.equals("qps") ? "#,###" : "#,##0.0#");
        chart.getStyler().setXAxisDecimalPattern("#,###");
        s.setMarkerSize(7);
        int series = 0;
        for (String label : labels) {
            TreeMap<Integer, Double> pts = new TreeMap<>();
            for (Row r : rows) {
                if (r.label().equals(label) && r.i(fixedCol) == fixedValue) {
                    pts.put(r.i(xCol), r.d(metric));
                }
            }
            if (pts.size() < 2) {
                continue; // a single point is no line; it is in the table
            }
            double[] x = pts.keySet().stream().mapToDouble(Integer::doubleValue).toArray();
            double[] y = pts.values().stream().mapToDouble(Double::doubleValue).toArray();
            XYSeries xs = chart.addSeries(label, x, y);
            xs.setMarker(SeriesMarkers.CIRCLE);
            if (!label.startsWith("kitex4j")) {
                xs.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f));
            }
            series++;
        }
        if (series == 0) {
            return null;
        }
        BitmapEncoder.saveBitmap(chart, out.resolve(file).toString(), BitmapEncoder.BitmapFormat.PNG);
        return file;
    }

    private static boolean clientBound(Row r) {
        return r.d("client_cpu_pct") >= 95;
    }

    private String markdown(List<Row> rows, List<String> labels) {
        StringBuilder sb = new StringBuilder();
        sb.append("Rows marked † had the client at ≥ 95 % of its core: the client, not the server, set the QPS; compare "
                + "server µs/call there.\n\n");
        sb.append("| target | c | size | QPS | p50 ms | p99 ms | p999 ms | errors | server CPU % | server µs/call | client CPU % |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> {
            int c = Integer.compare(labels.indexOf(a.label()), labels.indexOf(b.label()));
            if (c != 0) {
                return c;
            }
            c = Integer.compare(a.i("size"), b.i("size"));
            return c != 0 ? c : Integer.compare(a.i("concurrency"), b.i("concurrency"));
        });
        for (Row r : sorted) {
            sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %,.0f%s | %.2f | %.2f | %.2f | %s | %.0f | %.1f | %.0f |%n",
                    r.label(), r.i("concurrency"), r.i("size"), r.d("qps"), clientBound(r) ? " †" : "", r.d("p50_ms"),
                    r.d("p99_ms"), r.d("p999_ms"), r.s("errors"), r.d("server_cpu_pct"), r.d("server_cpu_us_per_call"),
                    r.d("client_cpu_pct")));
        }
        // Ratios at the reference point: each Kitex4j line against each peer.
        Map<String, Row> ref = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.i("concurrency") == refConcurrency && r.i("size") == refSize) {
                ref.put(r.label(), r);
            }
        }
        List<String> ours = ref.keySet().stream().filter(l -> l.startsWith("kitex4j")).toList();
        List<String> peers = ref.keySet().stream().filter(l -> !l.startsWith("kitex4j")).toList();
        if (!ours.isEmpty() && !peers.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%nQPS ratios at c=%d, %d B (Kitex4j line ÷ peer; same run):%n%n", refConcurrency, refSize));
            sb.append("| Kitex4j \\ peer | ").append(String.join(" | ", peers)).append(" |\n");
            sb.append("|---|").append("---:|".repeat(peers.size())).append('\n');
            for (String o : ours) {
                sb.append("| ").append(o).append(" |");
                for (String p : peers) {
                    sb.append(String.format(Locale.ROOT, " %.2f× |", ref.get(o).d("qps") / ref.get(p).d("qps")));
                }
                sb.append('\n');
            }
            sb.append(String.format(Locale.ROOT, "%nServer CPU per call at c=%d, %d B (µs; lower is better; QPS per server core = 1e6 / this):%n%n",
                    refConcurrency, refSize));
            sb.append("| target | server µs/call | QPS per server core |\n|---|---:|---:|\n");
            for (Map.Entry<String, Row> e : ref.entrySet()) {
                double us = e.getValue().d("server_cpu_us_per_call");
                sb.append(String.format(Locale.ROOT, "| %s | %.1f | %,.0f |%n", e.getKey(), us, us > 0 ? 1e6 / us : Double.NaN));
            }
            sb.append(String.format(Locale.ROOT, "%nQPS-per-server-core ratios at c=%d, %d B (Kitex4j line ÷ peer; the fair "
                    + "comparison when a client is saturated):%n%n", refConcurrency, refSize));
            sb.append("| Kitex4j \\ peer | ").append(String.join(" | ", peers)).append(" |\n");
            sb.append("|---|").append("---:|".repeat(peers.size())).append('\n');
            for (String o : ours) {
                sb.append("| ").append(o).append(" |");
                for (String p : peers) {
                    sb.append(String.format(Locale.ROOT, " %.2f× |",
                            ref.get(p).d("server_cpu_us_per_call") / ref.get(o).d("server_cpu_us_per_call")));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
