package io.github.scrfd4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Runs the CLI in-process and captures what it prints. */
final class CliRunner {
    static final Pattern FACES_LINE = Pattern.compile("^(.+): (\\d+) faces \\((\\d+) ms\\)$");

    private CliRunner() {
    }

    record Result(int exit, String out, String err) {
        List<String> outLines() {
            return out.isEmpty() ? List.of() : Arrays.asList(out.split("\\R"));
        }

        /** Face count printed for the image whose path ends with {@code name}, or -1. */
        int faces(String name) {
            for (String line : outLines()) {
                Matcher m = FACES_LINE.matcher(line);
                if (m.matches() && m.group(1).endsWith("/" + name)) {
                    return Integer.parseInt(m.group(2));
                }
            }
            return -1;
        }

        /** Lines of the form {@code <path>: error: <message>}. */
        List<String> errorLines() {
            List<String> out = new ArrayList<>();
            for (String line : outLines()) {
                if (line.contains(": error: ")) {
                    out.add(line);
                }
            }
            return out;
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new Main());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
