package io.github.scrfd4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the suite with settings sized for a 2-core machine, skipping (with the reason) what is not
 * installed, then writes {@code results.json} (JMH), {@code results.md} (ratios) and PNG charts.
 *
 * <pre>java -jar bench/target/benchmarks.jar [--quick] [--out DIR] [--include REGEX]</pre>
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        boolean quick = false;
        Path out = Files.isDirectory(Paths.get("bench")) ? Paths.get("bench/results") : Paths.get("results");
        String include = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick":
                    quick = true;
                    break;
                case "--out":
                    out = Paths.get(args[++i]);
                    break;
                case "--include":
                    include = args[++i];
                    break;
                case "-h":
                case "--help":
                    System.out.println("usage: java -jar benchmarks.jar [--quick] [--out DIR] [--include REGEX]");
                    return;
                default:
                    System.err.println("unknown argument " + args[i] + " (try --help)");
                    System.exit(2);
            }
        }
        Files.createDirectories(out);
        Path shared = BenchData.shared();
        String sharedArg = shared == null ? "-Dscrfd.shared=/nonexistent" : "-Dscrfd.shared=" + shared;

        ChainedOptionsBuilder b = new OptionsBuilder()
                .jvmArgsAppend("--add-modules", "jdk.incubator.vector", sharedArg, "-Djava.awt.headless=true")
                .forks(1)
                .shouldFailOnError(true)
                .resultFormat(ResultFormatType.JSON)
                .result(out.resolve("results.json").toString());
        if (quick) {
            b.warmupIterations(1).warmupTime(TimeValue.milliseconds(500))
                    .measurementIterations(2).measurementTime(TimeValue.milliseconds(500));
        } else {
            b.warmupIterations(3).warmupTime(TimeValue.seconds(2))
                    .measurementIterations(5).measurementTime(TimeValue.seconds(2));
        }
        List<String> engines = new ArrayList<>(List.of("ort"));
        for (String e : List.of("mnn", "tnn", "ncnn")) {
            Optional<String> why = Engines.unavailable(e);
            if (why.isPresent()) {
                System.out.println("skipping " + e + " benchmarks: " + why.get());
            } else {
                engines.add(e);
            }
        }
        List<String> includes = new ArrayList<>();
        if (shared == null) {
            System.out.println("skipping photo-based benchmarks: ../shared not found (pass -Dscrfd.shared=DIR);"
                    + " running the synthetic post-processing cases only");
            includes.add(PostProcessBenchmark.class.getSimpleName());
            b.param("input", "stress-few", "stress-many", "stress-overlap");
        } else {
            includes.add(PostProcessBenchmark.class.getSimpleName());
            includes.add("\\." + PreprocessBenchmark.class.getSimpleName());
            includes.add(EndToEndBenchmark.class.getSimpleName());
            if (engines.contains("mnn")) {
                includes.add(MnnPreprocessBenchmark.class.getSimpleName());
            }
            List<String> runtimes = new ArrayList<>(engines);
            runtimes.retainAll(List.of("mnn", "ncnn"));
            if (!runtimes.isEmpty()) {
                includes.add(NativePipelineBenchmark.class.getSimpleName());
                b.param("runtime", runtimes.toArray(new String[0]));
            }
            b.param("engine", engines.toArray(new String[0]));
            if (quick) {
                b.param("input", "4.jpg", "stress-many").param("photo", "4.jpg").param("threads", "1");
            }
        }
        for (String inc : include == null ? includes : List.of(include)) {
            b.include(inc);
        }
        Collection<RunResult> results = new Runner(b.build()).run();
        Report report = new Report(results, quick);
        Files.writeString(out.resolve("results.md"), report.markdown());
        report.charts(out);
        System.out.println(report.markdown());
        System.out.println("results in " + out.toAbsolutePath());
    }
}
