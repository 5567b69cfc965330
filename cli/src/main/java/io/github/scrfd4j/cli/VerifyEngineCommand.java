package io.github.scrfd4j.cli;

import io.github.scrfd4j.engine.Engine;
import io.github.scrfd4j.engine.EngineProviders;
import io.github.scrfd4j.engine.EngineSettings;
import io.github.scrfd4j.models.ModelResolver;
import io.github.scrfd4j.models.ResolvedModel;
import io.github.scrfd4j.verify.EngineCheck;
import io.github.scrfd4j.verify.EngineCheckReport;
import io.github.scrfd4j.verify.OutputDiff;
import io.github.scrfd4j.verify.RecordedOutputs;
import io.github.scrfd4j.verify.RecordingEngine;
import io.github.scrfd4j.verify.ReplayedEngine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code scrfd4j verify-engine}: an engine's raw outputs against a reference engine's on the same tensors:
 * ONNX Runtime, or the pure-Java network (two independent implementations of the ONNX graph).
 */
@Command(name = "verify-engine", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Runs an engine and a reference engine (ONNX Runtime, or the pure-Java network) on the same input"
                + " tensors (synthetic ones and the letterboxed photos) and compares every raw output: max/mean absolute"
                + " difference per output, then faces.",
            "Fails when a score differs by more than 1e-3 or a box/landmark offset by more than 1e-2 stride units."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.LIST_0 + " (within tolerance)", ExitCodes.LIST_2, ExitCodes.LIST_3, ExitCodes.LIST_4})
final class VerifyEngineCommand implements Callable<Integer> {
    /** The reference engines: two independent implementations of the ONNX graph. */
    static final List<String> REFERENCE_ENGINES = List.of("ort", "java");

    @Spec
    CommandSpec spec;

    @Option(names = "--engine", defaultValue = EngineSelector.AUTO, paramLabel = "ENGINE",
            completionCandidates = EngineNames.class,
            description = "Engine to check: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}, by the model's format).")
    String engine;

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "DEVICE",
            description = "Device of the engine (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--precision", paramLabel = "MODE", defaultValue = "exact",
            converter = PrecisionChoice.Values.class, completionCandidates = PrecisionChoice.Values.class,
            description = "Precision of the checked engine: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    PrecisionChoice precision;

    @Option(names = "--allow-fallback", description = "Allow the engine to fall back to the CPU.")
    boolean allowFallback;

    @Option(names = "--model", defaultValue = DetectCommand.DEFAULT_MODEL, paramLabel = "NAME|PATH",
            description = "Model in the engine's format: name or path (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--reference", paramLabel = "ENGINE",
            description = "Reference engine: ort (ONNX Runtime) or java (the pure-Java network) (default: ort, or java"
                    + " when the checked engine is ort). A model name or path here means --reference-model (older form).")
    String reference;

    @Option(names = "--reference-model", paramLabel = "NAME|PATH",
            description = "The same model in ONNX format (default: the same name, or the .onnx file beside --model).")
    String referenceModel;

    @Option(names = "--save-reference", paramLabel = "DIR",
            description = "Also write the reference engine's outputs for every input to DIR, to replay them with"
                    + " --reference-outputs where ONNX Runtime is slow (under emulation).")
    Path saveReference;

    @Option(names = "--reference-outputs", paramLabel = "DIR",
            description = "Compare with the outputs --save-reference wrote instead of running the reference engine"
                    + " (the inputs must be bit-identical: same photos, same scrfd4j).")
    Path referenceOutputs;

    @Option(names = "--images", paramLabel = "DIR",
            description = "Photos to compare on (default: ../shared/testdata/images when it exists).")
    Path images;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N", description = "Engine threads (default: 1).")
    int threads;

    @Option(names = "--no-download", description = "Never download models.")
    boolean noDownload;

    @Mixin
    ModelsDirOption models;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        PrintWriter out = cmd.getOut();
        PrintWriter err = cmd.getErr();
        EngineSelector selector = new EngineSelector(EngineProviders.load());
        ModelResolver resolver;
        EngineSelector.Selection checked;
        EngineSelector.Selection reference;
        if (saveReference != null && referenceOutputs != null) {
            throw new ParameterException(cmd, "--save-reference and --reference-outputs exclude each other");
        }
        try {
            resolver = models.resolver(!noDownload);
            checked = selector.select(engine, model, device, resolver);
            reference = referenceOutputs != null ? null
                    : selector.select(referenceEngine(checked), referenceName(checked.model()), "cpu", resolver);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cmd, e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            return ErrorReporter.report(e, err, verbose.verbose);
        }
        try {
            ResolvedModel resolved = checked.model();
            List<Path> photos = photos();
            try (Engine e = checked.open(new EngineSettings(threads, device, allowFallback, precision.precision()));
                 Engine r = openReference(reference)) {
                out.println("engine:    " + e.name() + " on " + resolved.primary());
                out.println("reference: " + r.name() + (reference == null ? "" : " on " + reference.model().primary()));
                out.println("runtime:   " + checked.provider().availability().detail());
                EngineCheckReport report = new EngineCheck(e, r).run(photos);
                print(report, out);
                if (report.ok()) {
                    out.println("OK: every output within tolerance on " + report.inputs() + " inputs");
                    return ExitCodes.OK;
                }
                out.println("DIVERGES: " + String.join(", ", report.diverging()));
                return ExitCodes.DIVERGES;
            }
        } catch (RuntimeException | LinkageError e) {
            return ErrorReporter.report(e, err, verbose.verbose);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private Engine openReference(EngineSelector.Selection reference) {
        if (reference == null) {
            return new ReplayedEngine(new RecordedOutputs(referenceOutputs));
        }
        Engine r = reference.open(new EngineSettings(threads, "cpu", false));
        if (saveReference == null) {
            return r;
        }
        try {
            return new RecordingEngine(r, new RecordedOutputs(saveReference));
        } catch (RuntimeException ex) {
            r.close();
            throw ex;
        }
    }

    /** The reference engine: --reference when it names one, else ort, or java when ort is the engine checked. */
    private String referenceEngine(EngineSelector.Selection checked) {
        if (reference != null && REFERENCE_ENGINES.contains(reference.trim().toLowerCase(Locale.ROOT))) {
            return reference.trim().toLowerCase(Locale.ROOT);
        }
        return checked.provider().name().equals("ort") ? "java" : "ort";
    }

    private String referenceName(ResolvedModel resolved) {
        if (referenceModel != null) {
            return referenceModel;
        }
        if (reference != null && !REFERENCE_ENGINES.contains(reference.trim().toLowerCase(Locale.ROOT))) {
            return reference;
        }
        boolean isPath = Files.isRegularFile(Path.of(model));
        if (!isPath) {
            return model;
        }
        String file = resolved.primary().getFileName().toString();
        String stem = file.replaceAll("(\\.opt)?\\.(mnn|tnnproto|tnnmodel|param|bin|onnx)$", "");
        return resolved.primary().resolveSibling(stem + ".onnx").toString();
    }

    private List<Path> photos() {
        Path dir = images != null ? images : Paths.get("../shared/testdata/images");
        if (!Files.isDirectory(dir)) {
            if (images != null) {
                throw new ParameterException(spec.commandLine(), "--images: not a directory: " + images);
            }
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(jpe?g|png|bmp)"))
                    .sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--images: cannot list " + dir + ": " + e);
        }
    }

    private static void print(EngineCheckReport report, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"output", "kind", "max |diff|", "mean |diff|", "tolerance", "status", "worst input"});
        for (OutputDiff d : report.outputs()) {
            rows.add(new String[] {d.output(), d.kind(), String.format(Locale.ROOT, "%.3g", d.maxAbs()),
                String.format(Locale.ROOT, "%.3g", d.meanAbs()), String.format(Locale.ROOT, "%.0e", d.tolerance()),
                d.ok() ? "ok" : "DIVERGES", String.valueOf(d.worstInput())});
        }
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                sb.append(String.format("%-" + (width[i] + 2) + "s", r[i]));
            }
            out.println(sb.toString().stripTrailing());
        }
        for (String f : report.faces()) {
            out.println("  " + f);
        }
    }
}
