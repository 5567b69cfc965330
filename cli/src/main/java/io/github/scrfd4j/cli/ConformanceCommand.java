package io.github.scrfd4j.cli;

import io.github.scrfd4j.conformance.Checker;
import io.github.scrfd4j.conformance.GeneratedCases;
import io.github.scrfd4j.conformance.OracleAnswers;
import io.github.scrfd4j.conformance.PhotoCases;
import io.github.scrfd4j.conformance.Suite;
import io.github.scrfd4j.engine.Engine;
import io.github.scrfd4j.engine.EngineProvider;
import io.github.scrfd4j.engine.EngineProviders;
import io.github.scrfd4j.engine.EngineSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scrfd4j conformance}: the oracle's contract as files any port can check itself against. */
@Command(name = "conformance", mixinStandardHelpOptions = true,
        description = {"Writes the conformance suite (cases with inputs and the oracle's outputs, .npy + JSON),"
                + " checks a port's answers against it, or writes java-ref's own answers. Format: docs/conformance.md."},
        subcommands = {ConformanceCommand.Export.class, ConformanceCommand.Check.class, ConformanceCommand.Answer.class})
final class ConformanceCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    static Set<String> levels(List<String> names) {
        Set<String> all = Set.of("post", "pre", "decode");
        for (String n : names) {
            if (!all.contains(n)) {
                throw new IllegalArgumentException("unknown level '" + n + "' (post, pre, decode)");
            }
        }
        return names.isEmpty() ? all : Set.copyOf(names);
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Writes the suite into DIR: generated cases for every rule of the contract, and, where the"
                    + " models and photos are found, the real ONNX Runtime outputs of every photo on every .onnx model"
                    + " (both conventions), the photos' letterboxes and their decoded pixels. Same seed, same bytes."},
            exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {"0:written", ExitCodes.LIST_2, "3:a model failed to load"})
    static final class Export implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "Directory to write the suite into.")
        Path dir;

        @Option(names = "--seed", defaultValue = "20261202", paramLabel = "N", description = "Seed of the generated cases (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--models", paramLabel = "DIR", description = "Directory of .onnx models for the real cases (default: ../shared/models when it exists).")
        Path models;

        @Option(names = "--model-filter", paramLabel = "REGEX", defaultValue = ".*", description = "Only models whose file name matches (default: all).")
        String modelFilter;

        @Option(names = "--images", paramLabel = "DIR", description = "Photos for the real cases (default: ../shared/testdata/images when it exists).")
        Path images;

        @Option(names = "--generated-only", description = "Only the generated cases (no model, no photo).")
        boolean generatedOnly;

        @Mixin
        VerboseOption verbose;

        private int addReal(Suite suite, Path modelsDir, Path imagesDir, PrintWriter log) throws IOException {
            int before = suite.entries().size();
            List<Path> photos = list(imagesDir, ".*\\.(jpe?g|png|bmp)");
            PhotoCases.addPhotos(suite, photos);
            EngineProvider ort = EngineProviders.load().byName("ort").orElseThrow(() ->
                    new IllegalStateException("the real cases need ONNX Runtime (io.github.scrfd4j:scrfd4j-ort)"));
            for (Path model : list(modelsDir, ".*\\.onnx")) {
                if (!model.getFileName().toString().matches(modelFilter)) {
                    continue;
                }
                try (Engine engine = ort.open(List.of(model), EngineSettings.CPU)) {
                    int n = PhotoCases.addOutputs(suite, engine, PhotoCases.stem(model), photos);
                    log.println("real cases: " + model.getFileName() + ": " + n + " post-processing cases");
                }
            }
            return suite.entries().size() - before;
        }

        private static List<Path> list(Path dir, String regex) throws IOException {
            try (Stream<Path> s = Files.list(dir)) {
                return s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(regex)).sorted()
                        .collect(Collectors.toList());
            }
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                Suite suite = Suite.create(dir, seed);
                GeneratedCases.addAll(suite);
                int generated = suite.entries().size();
                int real = 0;
                if (!generatedOnly) {
                    Path m = models != null ? models : Paths.get("../shared/models");
                    Path i = images != null ? images : Paths.get("../shared/testdata/images");
                    if (Files.isDirectory(m) && Files.isDirectory(i)) {
                        real = addReal(suite, m, i, out);
                    } else {
                        out.println("real cases skipped: " + (Files.isDirectory(m) ? i : m) + " is not a directory"
                                + " (pass --models and --images, or --generated-only)");
                    }
                }
                suite.finish();
                out.println(String.format(Locale.ROOT, "wrote %d cases (%d generated, %d from models and photos) to %s",
                        suite.entries().size(), generated, real, dir));
                return ExitCodes.OK;
            } catch (IOException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return ExitCodes.IMAGE_FAILED;
            } catch (RuntimeException e) {
                return ErrorReporter.report(e, spec.commandLine().getErr(), verbose.verbose);
            }
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Checks a port's answers (RESULTS/<level>/<case>.json, see docs/conformance.md) against the"
                    + " suite: one line per case (ok, or the first difference), then a summary table."},
            exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {"0:every case passed", "1:some case failed or has no answer",
                ExitCodes.LIST_2})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "The suite written by 'conformance export'.")
        Path dir;

        @Option(names = "--results", required = true, paramLabel = "RESULTS_DIR", description = "The port's answers.")
        Path results;

        @Option(names = "--level", split = ",", paramLabel = "LEVEL", description = "Only these levels: post, pre, decode (default: all).")
        List<String> level = List.of();

        @Option(names = "--convention", paramLabel = "NAME", description = "Only post-processing cases of this convention: lite or insightface.")
        String convention;

        @Option(names = "--quiet", description = "Print failing cases and the summary only.")
        boolean quiet;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Set<String> levels;
            try {
                levels = levels(level);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--level': "
                        + e.getMessage());
            }
            Predicate<Suite.Entry> filter = e -> levels.contains(e.level())
                    && (convention == null || convention.equals(e.convention()));
            try {
                Suite suite = Suite.open(dir);
                List<Checker.Result> rs = Checker.check(suite, results, filter);
                Map<String, int[]> summary = new LinkedHashMap<>();
                for (Checker.Result r : rs) {
                    int[] c = summary.computeIfAbsent(r.entry().level(), k -> new int[2]);
                    c[r.passed() ? 0 : 1]++;
                    if (!r.passed() || !quiet) {
                        out.println((r.passed() ? "ok    " : "FAIL  ") + r.entry().level() + "/" + r.entry().name()
                                + (r.passed() ? "" : "  [" + r.entry().rule() + "]: " + r.detail()));
                    }
                }
                TextTable t = new TextTable().row("LEVEL", "CASES", "PASSED", "FAILED");
                int failed = 0;
                for (Map.Entry<String, int[]> e : summary.entrySet()) {
                    int[] c = e.getValue();
                    t.row(e.getKey(), Integer.toString(c[0] + c[1]), Integer.toString(c[0]), Integer.toString(c[1]));
                    failed += c[1];
                }
                out.println();
                out.print(t);
                int passed = rs.size() - failed;
                out.println(passed + " passed, " + failed + " failed");
                if (rs.isEmpty()) {
                    out.println("no case matched the filters");
                    return ExitCodes.IMAGE_FAILED;
                }
                return failed == 0 ? ExitCodes.OK : ExitCodes.IMAGE_FAILED;
            } catch (IOException | RuntimeException e) {
                // the suite itself is unreadable: the arguments point at the wrong thing
                spec.commandLine().getErr().println("error: " + ErrorReporter.message(e));
                return ExitCodes.USAGE;
            } finally {
                out.flush();
            }
        }
    }

    @Command(name = "answer", mixinStandardHelpOptions = true,
            description = "Writes java-ref's own answers to a suite in the answer format (the oracle as a port).")
    static final class Answer implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "The suite.")
        Path dir;

        @Option(names = "--out", required = true, paramLabel = "RESULTS_DIR", description = "Where to write the answers.")
        Path out;

        @Override
        public Integer call() {
            try {
                int n = OracleAnswers.write(Suite.open(dir), out, levels(List.of()));
                spec.commandLine().getOut().println("wrote " + n + " answers to " + out);
                return ExitCodes.OK;
            } catch (IOException | RuntimeException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return ExitCodes.IMAGE_FAILED;
            }
        }
    }
}
