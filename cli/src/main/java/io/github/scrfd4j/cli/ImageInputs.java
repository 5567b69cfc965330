package io.github.scrfd4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Expands the {@code detect} arguments: files as given, directories to their image files. */
final class ImageInputs {
    static final List<String> EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".bmp");

    private ImageInputs() {
    }

    /**
     * One input: an image path, or an argument that yields no image, with the reason.
     *
     * @param error null for an image to process
     */
    record Input(Path path, String error) {
    }

    /**
     * Files are kept whatever their name or existence (the decoder reports what is wrong with them);
     * directories expand, non-recursively, to their {@link #EXTENSIONS} files sorted by name.
     */
    static List<Input> expand(List<Path> args) {
        List<Input> out = new ArrayList<>();
        for (Path a : args) {
            if (!Files.isDirectory(a)) {
                out.add(new Input(a, null));
                continue;
            }
            List<Path> images;
            try (Stream<Path> s = Files.list(a)) {
                images = s.filter(ImageInputs::isImageFile).sorted().collect(Collectors.toList());
            } catch (IOException e) {
                out.add(new Input(a, "cannot list directory: " + e.getMessage()));
                continue;
            }
            if (images.isEmpty()) {
                out.add(new Input(a, "no " + String.join(", ", EXTENSIONS) + " files in this directory"));
            }
            for (Path p : images) {
                out.add(new Input(p, null));
            }
        }
        return out;
    }

    static boolean isImageFile(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && EXTENSIONS.stream().anyMatch(name::endsWith);
    }
}
