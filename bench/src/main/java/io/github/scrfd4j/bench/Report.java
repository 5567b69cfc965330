package io.github.scrfd4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;

/** Turns JMH results into ratio tables (Java/native, Vector/scalar) and bar charts. */
final class Report {
    private final Map<String, Map<String, double[]>> groups = new LinkedHashMap<>(); // group -> row -> {score, err}
    private final Map<String, String> units = new LinkedHashMap<>();
    private final boolean quick;

    Report(Collection<RunResult> results, boolean quick) {
        this.quick = quick;
        for (RunResult r : results) {
            BenchmarkParams p = r.getParams();
            String full = p.getBenchmark();
            String[] parts = full.split("\\.");
            String cls = parts[parts.length - 2];
            String method = parts[parts.length - 1];
            StringBuilder key = new StringBuilder();
            for (String k : p.getParamsKeys()) {
                key.append(key.length() == 0 ? "" : ", ").append(k).append('=').append(p.getParam(k));
            }
            groups.computeIfAbsent(cls, c -> new LinkedHashMap<>())
                    .put(key + " | " + method, new double[] {r.getPrimaryResult().getScore(),
                        r.getPrimaryResult().getScoreError()});
            units.put(cls, r.getPrimaryResult().getScoreUnit());
        }
    }

    private double score(String cls, String params, String method) {
        Map<String, double[]> g = groups.get(cls);
        double[] v = g == null ? null : g.get(params + " | " + method);
        return v == null ? Double.NaN : v[0];
    }

    private List<String> paramSets(String cls) {
        List<String> out = new ArrayList<>();
        Map<String, double[]> g = groups.get(cls);
        if (g != null) {
            for (String k : g.keySet()) {
                String ps = k.substring(0, k.indexOf(" | "));
                if (!out.contains(ps)) {
                    out.add(ps);
                }
            }
        }
        return out;
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT,
                v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : v >= 0.1 ? "%.2f" : "%.4f", v);
    }

    private static String ratio(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? "-" : String.format(Locale.ROOT, "%.2fx", a / b);
    }

    /** One markdown table row. */
    private static void row(StringBuilder sb, String... cells) {
        sb.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# scrfd4j benchmarks").append(quick ? " (quick mode: smoke test, not for quoting)" : "").append("\n\n");
        sb.append("Date ").append(LocalDate.now()).append(", JDK ").append(System.getProperty("java.version"))
                .append(", CPU ").append(cpu()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores. Average time per call, lower is better; ratios from the same run.\n\n");
        String post = "PostProcessBenchmark";
        if (groups.containsKey(post)) {
            sb.append("## Decode + NMS (").append(units.get(post)).append(")\n\n");
            sb.append("| input | Java scalar | Java Vector | C++ (JavaCPP) | Vector / C++ | scalar / C++ | Vector speed-up over scalar |\n");
            sb.append("|---|---|---|---|---|---|---|\n");
            for (String ps : paramSets(post)) {
                double s = score(post, ps, "javaScalar");
                double v = score(post, ps, "javaVector");
                double c = score(post, ps, "nativeCpp");
                row(sb, ps.replace("input=", ""), f(s), f(v), f(c), ratio(v, c), ratio(s, c), ratio(s, v));
            }
            sb.append('\n');
        }
        String pre = "PreprocessBenchmark";
        String mpre = "MnnPreprocessBenchmark";
        if (groups.containsKey(pre)) {
            sb.append("## Letterbox + tensor (").append(units.get(pre)).append(")\n\n");
            sb.append("| photo | Java scalar (two-step) | Java Vector (two-step) | Java one pass (Detector's) | OpenCV resize + blobFromImage | Java (into MNN input) | MNN ImageProcess | Java / MNN | Java one pass / OpenCV |\n");
            sb.append("|---|---|---|---|---|---|---|---|---|\n");
            for (String ps : paramSets(pre)) {
                double s = score(pre, ps, "javaScalar");
                double v = score(pre, ps, "javaVector");
                double cv = score(pre, ps, "opencv");
                double one = score(pre, ps, "javaOnePass");
                double jm = score(mpre, ps, "javaPreprocess");
                double m = score(mpre, ps, "mnnImageProcess");
                row(sb, ps.replace("photo=", ""), f(s), f(v), f(one), f(cv), f(jm), f(m), ratio(jm, m), ratio(one, cv));
            }
            sb.append('\n');
        }
        String dec = "DecodeBenchmark";
        if (groups.containsKey(dec)) {
            sb.append("## JPEG bytes to BGR pixels (").append(units.get(dec)).append(", identical pixels checked)\n\n");
            sb.append("| photo | pure Java | OpenCV decoder (imdecode + copy) | cv::imdecode baseline | Java / imdecode | OpenCV decoder / imdecode |\n");
            sb.append("|---|---|---|---|---|---|\n");
            for (String ps : paramSets(dec)) {
                double j = score(dec, ps, "javaDecoder");
                double o = score(dec, ps, "opencvDecoder");
                double c = score(dec, ps, "opencvImdecode");
                row(sb, ps.replace("photo=", ""), f(j), f(o), f(c), ratio(j, c), ratio(o, c));
            }
            sb.append('\n');
        }
        String p2f = "PhotoToFacesBenchmark";
        if (groups.containsKey(p2f)) {
            sb.append("## Photo to faces: file bytes in, faces out, 1 engine thread (").append(units.get(p2f))
                    .append(")\n\n| engine, decoder, photo | time |\n|---|---|\n");
            for (String ps : paramSets(p2f)) {
                row(sb, ps, f(score(p2f, ps, "photoToFaces")));
            }
            sb.append('\n');
        }
        String folder = "FolderBenchmark";
        String nfolder = "NativeFolderBenchmark";
        if (groups.containsKey(folder) || groups.containsKey(nfolder)) {
            sb.append("## Folder of 30 mixed JPEGs (330p to 4000x3000), images/s, higher is better\n\n");
            sb.append("| configuration | images/s |\n|---|---|\n");
            for (String ps : paramSets(folder)) {
                row(sb, "Java: " + ps, f(score(folder, ps, "folder")));
            }
            for (String ps : paramSets(nfolder)) {
                row(sb, "native baseline (cv::imread, MNN ImageProcess + inference, C++ post, one at a time): " + ps,
                        f(score(nfolder, ps, "nativeSequential")));
            }
            sb.append('\n');
        }
        String e2e = "EndToEndBenchmark";
        if (groups.containsKey(e2e)) {
            sb.append("## End to end, 4.jpg (").append(units.get(e2e)).append(")\n\n");
            sb.append("| engine, threads | detect | preprocess | inference | post-process | share pre / infer / post |\n");
            sb.append("|---|---|---|---|---|---|\n");
            for (String ps : paramSets(e2e)) {
                double d = score(e2e, ps, "detect");
                double a = score(e2e, ps, "stagePreprocess");
                double i = score(e2e, ps, "stageInference");
                double p = score(e2e, ps, "stagePostprocess");
                double t = a + i + p;
                row(sb, ps, f(d), f(a), f(i), f(p),
                        String.format(Locale.ROOT, "%.1f%% / %.1f%% / %.1f%%", 100 * a / t, 100 * i / t, 100 * p / t));
            }
            sb.append('\n');
        }
        if (groups.containsKey(e2e)) {
            sb.append("## Inference alone, 4.jpg: the pure-Java network against the native engines (")
                    .append(units.get(e2e)).append(")\n\n");
            double peak = score("FmaPeakBenchmark", "", "fmaPeak");
            // the constant, not FmaPeakBenchmark.flop(): this JVM may lack jdk.incubator.vector, which that class links
            double peakGflops = Double.isNaN(peak) ? Double.NaN : 24.0 * FmaPeakBenchmark.LANE_STEPS / (peak * 1e6);
            sb.append("Java GFLOP/s: the convolutions' multiply-adds x 2 over the inference time; peak: this core's")
                    .append(" FMA rate reached from Java (FmaPeakBenchmark): ").append(f(peakGflops)).append(" GFLOP/s.\n\n");
            sb.append("| threads | Java network | ONNX Runtime | MNN | Java / ONNX Runtime | Java / MNN | Java GFLOP/s | share of the peak of the cores used |\n");
            sb.append("|---|---|---|---|---|---|---|---|\n");
            double flop = 2.0 * JavaNetworkWork.total();
            for (String t : new String[] {"1", "2"}) {
                String suffix = ", photo=4.jpg, threads=" + t;
                double j = score(e2e, "engine=java" + suffix, "stageInference");
                double o = score(e2e, "engine=ort" + suffix, "stageInference");
                double m = score(e2e, "engine=mnn" + suffix, "stageInference");
                if (!Double.isNaN(j)) {
                    double g = flop / (j * 1e6);
                    row(sb, t, f(j), f(o), f(m), ratio(j, o), ratio(j, m), f(g),
                            Double.isNaN(peakGflops) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * g / (peakGflops * Integer.parseInt(t))));
                }
            }
            sb.append('\n');
        }
        String layers = "JavaNetworkLayersBenchmark";
        if (groups.containsKey(layers)) {
            sb.append("## Java network per operator kind, 2.5g 640x640 on 4.jpg (").append(units.get(layers))
                    .append("; each kind's layers run alone)\n\n");
            sb.append("| threads | kind | time | share of a whole run | multiply-adds (M) | GFLOP/s |\n");
            sb.append("|---|---|---|---|---|---|\n");
            Map<String, Long> work = JavaNetworkWork.byKind();
            for (String ps : paramSets(layers)) {
                String kind = ps.replaceAll(".*kind=([^,]*).*", "$1");
                String threads = ps.replaceAll(".*threads=(\\d+).*", "$1");
                double t = score(layers, ps, "layers");
                double all = score(layers, "kind=all, threads=" + threads, "layers");
                Long w = kind.equals("all") ? Long.valueOf(JavaNetworkWork.total()) : work.get(kind);
                row(sb, threads, kind, f(t), String.format(Locale.ROOT, "%.1f%%", 100 * t / all),
                        w == null ? "-" : f(w / 1e6), w == null ? "-" : f(2.0 * w / (t * 1e6)));
            }
            sb.append('\n');
        }
        String pipe = "NativePipelineBenchmark";
        if (groups.containsKey(pipe)) {
            sb.append("## Java detect vs the same pipeline driven natively (").append(units.get(pipe)).append(")\n\n");
            sb.append("| runtime, threads, photo | Java Detector + engine | native (runtime's preprocessing + inference + C++ post) | Java / native |\n");
            sb.append("|---|---|---|---|\n");
            for (String ps : paramSets(pipe)) {
                double j = score(pipe, ps, "javaDetect");
                double n = score(pipe, ps, "nativePipeline");
                row(sb, ps, f(j), f(n), ratio(j, n));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    void charts(Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        for (Map.Entry<String, Map<String, double[]>> g : groups.entrySet()) {
            List<String> params = paramSets(g.getKey());
            List<String> methods = new ArrayList<>();
            for (String k : g.getValue().keySet()) {
                String m = k.substring(k.indexOf(" | ") + 3);
                if (!methods.contains(m)) {
                    methods.add(m);
                }
            }
            CategoryChart chart = new CategoryChartBuilder().width(900).height(500).title(g.getKey())
                    .xAxisTitle("case").yAxisTitle(units.get(g.getKey())).build();
            for (String m : methods) {
                List<String> xs = new ArrayList<>();
                List<Double> ys = new ArrayList<>();
                for (String p : params) {
                    double v = score(g.getKey(), p, m);
                    if (!Double.isNaN(v)) {
                        // a benchmark without parameters has an empty case, which the chart cannot label
                        String label = p.replaceAll("\\w+=", "");
                        xs.add(label.isEmpty() ? m : label);
                        ys.add(v);
                    }
                }
                if (!xs.isEmpty()) {
                    chart.addSeries(m, xs, ys);
                }
            }
            if (!chart.getSeriesMap().isEmpty()) {
                BitmapEncoder.saveBitmap(chart, dir.resolve(g.getKey()).toString(), BitmapEncoder.BitmapFormat.PNG);
            }
        }
    }

    private static String cpu() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }
}
