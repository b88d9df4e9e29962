package se.styrning.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs the importer on a directory against a stand-in gateway on {@code port}; its report goes to the test's output. */
final class ImporterRun {

    private ImporterRun() {
    }

    static Importer.Summary load(int port, Path directory) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Importer importer = new Importer(URI.create("http://localhost:" + port), "token",
                new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            return importer.load(directory);
        } finally {
            System.out.print(out.toString(StandardCharsets.UTF_8));
        }
    }
}
