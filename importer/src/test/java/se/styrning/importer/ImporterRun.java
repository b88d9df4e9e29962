package se.styrning.importer;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/** Runs the importer on a directory against a stand-in gateway on {@code port}; its report goes to the test's output. */
final class ImporterRun {

    private ImporterRun() {
    }

    static Importer.Summary load(int port, Path directory) throws IOException {
        return new Importer(URI.create("http://localhost:" + port), "token", System.out).load(directory);
    }
}
