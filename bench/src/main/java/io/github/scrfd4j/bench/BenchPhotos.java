package io.github.scrfd4j.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Photos the bench makes from the shared ones (never committed, rebuilt when missing, the same bytes
 * every time): a 12-megapixel JPEG, and folders of mixed sizes, as a photo library holds them. Each of
 * the five shared photos at six sizes (about 330p, 480p, as shot, 720p, 1080p and 4000x3000, aspect
 * kept) makes the 30-image folder {@code mixed30}; {@code mixed300} is it ten times over; {@code small}
 * is the five photos as shot.
 */
final class BenchPhotos {
    /** Longest side of each size; 0 keeps the photo as shot. */
    private static final int[][] SIZES = {{480, 330}, {640, 480}, {0, 0}, {1280, 720}, {1920, 1080}, {4000, 3000}};
    static final int MIXED30 = 30;

    private BenchPhotos() {
    }

    /** Makes the named folders (small, mixed30, mixed300) and prints their paths, one a line. */
    public static void main(String[] args) {
        for (String name : args.length == 0 ? new String[] {"mixed30"} : args) {
            System.out.println(folder(name).get(0).getParent());
        }
    }

    /** Where generated photos live: {@code -Dscrfd.bench.photos}, else {@code java.io.tmpdir/scrfd4j-bench-photos}. */
    static Path root() {
        String p = System.getProperty("scrfd.bench.photos");
        return p != null ? Paths.get(p) : Paths.get(System.getProperty("java.io.tmpdir"), "scrfd4j-bench-photos");
    }

    /** A shared photo by name, or a generated one: {@code 12mp.jpg} (4.jpg at 4000x3000). */
    static Path photo(String name) {
        if (!name.equals("12mp.jpg")) {
            return BenchData.photo(name);
        }
        Path out = root().resolve("12mp.jpg");
        if (!Files.isRegularFile(out)) {
            write(BenchData.photo("4.jpg"), 4000, 3000, false, out);
        }
        return out;
    }

    /** The files of a folder: {@code small}, {@code mixed30} or {@code mixed300}, sorted by name. */
    static List<Path> folder(String name) {
        switch (name) {
            case "small":
                List<Path> small = new ArrayList<>();
                for (String p : List.of("1.jpg", "4.jpg", "6.jpg", "9.jpg", "12.jpg")) {
                    small.add(BenchData.photo(p));
                }
                return small;
            case "mixed30":
                return mixed(1);
            case "mixed300":
                return mixed(10);
            default:
                throw new IllegalArgumentException("unknown folder " + name + " (small, mixed30, mixed300)");
        }
    }

    /** Makes (once) and lists the mixed folder, {@code copies} times over. */
    static synchronized List<Path> mixed(int copies) {
        Path dir = root().resolve("mixed" + (MIXED30 * copies));
        try {
            if (!Files.isDirectory(dir) || count(dir) != MIXED30 * copies) {
                Files.createDirectories(dir);
                int n = 0;
                for (String photo : List.of("1.jpg", "4.jpg", "6.jpg", "9.jpg", "12.jpg")) {
                    for (int[] size : SIZES) {
                        for (int c = 0; c < copies; c++) {
                            Path out = dir.resolve(String.format("%03d-%s-%s.jpg", n++, photo.replace(".jpg", ""),
                                    size[0] == 0 ? "orig" : size[1] + "p"));
                            write(BenchData.photo(photo), size[0], size[1], true, out);
                        }
                    }
                }
            }
            try (Stream<Path> s = Files.list(dir)) {
                return s.sorted().collect(Collectors.toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long count(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    /** Resizes to fit {@code w x h} (aspect kept) or exactly, and encodes at quality 92. */
    private static void write(Path src, int w, int h, boolean keepAspect, Path out) {
        try (Mat img = opencv_imgcodecs.imread(src.toString(), opencv_imgcodecs.IMREAD_COLOR); Mat dst = new Mat()) {
            if (img.empty()) {
                throw new IllegalStateException("cannot read " + src);
            }
            Mat result = img;
            if (w > 0) {
                int tw = w;
                int th = h;
                if (keepAspect) {
                    double s = Math.min((double) w / img.cols(), (double) h / img.rows());
                    tw = (int) Math.round(img.cols() * s);
                    th = (int) Math.round(img.rows() * s);
                }
                opencv_imgproc.resize(img, dst, new Size(tw, th), 0, 0, opencv_imgproc.INTER_AREA);
                result = dst;
            }
            Files.createDirectories(out.getParent());
            Path tmp = out.resolveSibling(out.getFileName() + ".tmp.jpg");
            if (!opencv_imgcodecs.imwrite(tmp.toString(), result,
                    new IntPointer(opencv_imgcodecs.IMWRITE_JPEG_QUALITY, 92))) {
                throw new IllegalStateException("cannot write " + out);
            }
            Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
