package io.github.scrfd4j.cli;

import io.github.scrfd4j.models.ModelResolver;
import io.github.scrfd4j.models.ModelStatus;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code scrfd4j models}: every known model file, where it is, and whether it verified. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = {"Lists the known model files, where each is present (models dir or cache) and whether its "
                + "size and SHA-256 match. Never downloads.",
                "Models are looked up in --models-dir (else $SCRFD4J_MODELS), then the cache, then downloaded "
                        + "into the cache by 'detect' unless --no-download."},
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {"0:listed", ExitCodes.LIST_3})
final class ModelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelsDirOption models;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            ModelResolver resolver = models.resolver(false);
            out.println("models dir: " + (resolver.modelsDir() == null
                    ? "(none: pass --models-dir or set $SCRFD4J_MODELS)"
                    : resolver.modelsDir() + " (" + models.source() + ")"));
            out.println("cache dir:  " + resolver.cacheDir());
            out.println();
            TextTable table = new TextTable().row("NAME", "FORMAT", "FILE", "SIZE", "PRESENT", "VERIFIED", "PROBLEM");
            for (ModelStatus s : resolver.status()) {
                table.row(s.file().name(), s.file().kind().id(), s.file().file(), size(s.file().bytes()), where(s),
                        s.verified() ? "yes" : "no", s.problem() == null ? "" : s.problem());
            }
            out.print(table);
            out.flush();
            return ExitCodes.OK;
        } catch (RuntimeException e) {
            return ErrorReporter.report(e, spec.commandLine().getErr(), verbose.verbose);
        }
    }

    private static String where(ModelStatus s) {
        switch (s.location()) {
            case MODELS_DIR:
                return "models-dir";
            case CACHE:
                return "cache";
            default:
                return "no";
        }
    }

    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
