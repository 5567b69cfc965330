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
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the suite with settings sized for a 2-core machine, skipping (with the reason) what is not
 * installed, then writes {@code results.json} (JMH), {@code results.md} (ratios) and PNG charts.
 *
 * <pre>java -jar bench/target/benchmarks.jar [--quick] [--out DIR] [JMH options] [benchmark regex...]</pre>
 *
 * Every option of JMH's own command line ({@code -f -wi -i -w -r -p -prof -rf -rff -t -jvmArgs...},
 * regexes) is accepted and wins over the defaults here; {@code -h} prints JMH's help, {@code -l} lists.
 * The JVM arguments the forks need are on the benchmarks ({@code @Fork}), so
 * {@code java -cp benchmarks.jar org.openjdk.jmh.Main} works as well.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws RunnerException, IOException, CommandLineOptionException {
        boolean quick = false;
        Path out = Files.isDirectory(Paths.get("bench")) ? Paths.get("bench/results") : Paths.get("results");
        List<String> jmhArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick":
                    quick = true;
                    break;
                case "--out":
                    out = Paths.get(args[++i]);
                    break;
                case "--include":
                    jmhArgs.add(args[++i]);
                    break;
                case "--help":
                    System.out.println("usage: java -jar benchmarks.jar [--quick] [--out DIR] [JMH options] [regex...]"
                            + " (JMH's options: -h)");
                    return;
                default:
                    jmhArgs.add(args[i]);
            }
        }
        CommandLineOptions cmd = new CommandLineOptions(jmhArgs.toArray(new String[0]));
        if (cmd.shouldHelp() || cmd.shouldList() || cmd.shouldListWithParams() || cmd.shouldListProfilers()
                || cmd.shouldListResultFormats()) {
            org.openjdk.jmh.Main.main(jmhArgs.toArray(new String[0]));
            return;
        }
        Files.createDirectories(out);
        Path shared = BenchData.shared();

        ChainedOptionsBuilder b = new OptionsBuilder().parent(cmd).shouldFailOnError(true);
        if (!cmd.getJvmArgsAppend().hasValue() && shared != null) {
            // the annotation's arguments are replaced by any -jvmArgsAppend, so repeat them
            b.jvmArgsAppend(BenchJvm.VECTOR, BenchJvm.OPEN_NIO, BenchJvm.HEADLESS, "-Dscrfd.shared=" + shared);
        }
        if (!cmd.getResult().hasValue()) {
            b.result(out.resolve("results.json").toString());
        }
        if (!cmd.getResultFormat().hasValue()) {
            b.resultFormat(ResultFormatType.JSON);
        }
        if (!cmd.getForkCount().hasValue()) {
            b.forks(1);
        }
        TimeValue time = quick ? TimeValue.milliseconds(500) : TimeValue.seconds(2);
        if (!cmd.getWarmupIterations().hasValue()) {
            b.warmupIterations(quick ? 1 : 3);
        }
        if (!cmd.getWarmupTime().hasValue()) {
            b.warmupTime(time);
        }
        if (!cmd.getMeasurementIterations().hasValue()) {
            b.measurementIterations(quick ? 2 : 5);
        }
        if (!cmd.getMeasurementTime().hasValue()) {
            b.measurementTime(time);
        }
        List<String> engines = new ArrayList<>(List.of("ort", "java"));
        for (String e : List.of("mnn", "tnn", "ncnn")) {
            Optional<String> why = Engines.unavailable(e);
            if (why.isPresent()) {
                System.out.println("skipping " + e + " benchmarks: " + why.get());
            } else {
                engines.add(e);
            }
        }
        List<String> includes = new ArrayList<>();
        Params params = new Params(cmd, b);
        if (shared == null) {
            System.out.println("skipping photo-based benchmarks: ../shared not found (pass -Dscrfd.shared=DIR"
                    + " or SCRFD_SHARED); running the synthetic post-processing cases only");
            includes.add(PostProcessBenchmark.class.getSimpleName());
            params.set("input", "stress-few", "stress-many", "stress-overlap");
        } else {
            includes.add(PostProcessBenchmark.class.getSimpleName());
            includes.add("\\." + PreprocessBenchmark.class.getSimpleName());
            includes.add(DecodeBenchmark.class.getSimpleName());
            includes.add(EndToEndBenchmark.class.getSimpleName());
            includes.add(JavaNetworkLayersBenchmark.class.getSimpleName());
            includes.add(FmaPeakBenchmark.class.getSimpleName());
            includes.add(PhotoToFacesBenchmark.class.getSimpleName());
            includes.add("\\." + FolderBenchmark.class.getSimpleName());
            List<String> folderEngines = new ArrayList<>(engines);
            folderEngines.retainAll(List.of("ort", "mnn"));
            params.set("folderEngine", quick ? new String[] {"ort"} : folderEngines.toArray(new String[0]));
            if (engines.contains("mnn")) {
                includes.add(MnnPreprocessBenchmark.class.getSimpleName());
                includes.add(NativeFolderBenchmark.class.getSimpleName());
            }
            List<String> runtimes = new ArrayList<>(engines);
            runtimes.retainAll(List.of("mnn", "ncnn"));
            if (!runtimes.isEmpty()) {
                includes.add(NativePipelineBenchmark.class.getSimpleName());
                params.set("runtime", runtimes.toArray(new String[0]));
            } else {
                System.out.println("skipping the native baselines: neither MNN nor ncnn is installed");
            }
            params.set("engine", engines.toArray(new String[0]));
            if (quick) {
                params.set("input", "4.jpg", "stress-many");
                params.set("photo", "4.jpg");
                params.set("threads", "1");
                params.set("pipeline", "1w2s");
                params.set("decoder", "opencv");
                params.set("kind", "all", "Conv 3x3");
            }
        }
        if (cmd.getIncludes().isEmpty()) {
            for (String inc : includes) {
                b.include(inc);
            }
        }
        Collection<RunResult> results = new Runner(b.build()).run();
        Report report = new Report(results, quick);
        Files.writeString(out.resolve("results.md"), report.markdown());
        report.charts(out);
        System.out.println(report.markdown());
        System.out.println("results in " + out.toAbsolutePath());
    }

    /** Default parameter values that a {@code -p name=...} on the command line overrides. */
    private static final class Params {
        private final CommandLineOptions cmd;
        private final ChainedOptionsBuilder builder;

        Params(CommandLineOptions cmd, ChainedOptionsBuilder builder) {
            this.cmd = cmd;
            this.builder = builder;
        }

        void set(String name, String... values) {
            if (!cmd.getParameter(name).hasValue()) {
                builder.param(name, values);
            }
        }
    }
}
