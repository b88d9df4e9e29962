package se.styrning.importer;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Outcome files through a stand-in gateway that keeps what it was sent: charsets, line breaks, bad files. */
class ImporterTest {

    private static final String HEADER = "code;resultYtd;budgetYtd;annualBudget;forecastResult;comment\r\n";

    @TempDir
    Path directory;
    private HttpServer gateway;
    private final Map<String, String> received = new ConcurrentHashMap<>();
    private final Map<String, String> contentTypes = new ConcurrentHashMap<>();

    @BeforeEach
    void startGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        gateway.createContext("/api/outcomes/import", exchange -> {
            String month = exchange.getRequestURI().getQuery().replace("month=", "");
            received.put(month, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            contentTypes.put(month, exchange.getRequestHeaders().getFirst("Content-Type"));
            byte[] answer = ("{\"month\":\"" + month + "\",\"rows\":1,\"created\":1,\"updated\":0,\"unchanged\":0}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        gateway.start();
    }

    @AfterEach
    void stopGateway() {
        gateway.stop(0);
    }

    @Test
    void aWindows1252FileAndAQuotedCommentWithALineBreakAreSentAsTheirText() throws IOException {
        Files.createDirectories(directory.resolve("outcomes"));
        Files.write(directory.resolve("outcomes/2017-10.csv"), (HEADER
                + "HSF-LM;-812 012 000,00;-696 224 000,00;-759 408 000,00;-884 413 000,00;\"Försenad leverans;\r\nLäkemedel dyrare\"\r\n")
                .getBytes(Charset.forName("windows-1252")));
        Files.writeString(directory.resolve("outcomes/2017-11.csv"), HEADER
                + "HSF-LM;-812 012 000,00;-696 224 000,00;-759 408 000,00;-884 413 000,00;Läkemedel\r\n");

        Importer.Summary summary = load();

        assertEquals(List.of(), summary.failures());
        assertEquals(2, summary.created());
        assertTrue(received.get("2017-10").contains(";\"Försenad leverans;\r\nLäkemedel dyrare\"\r\n"), received.get("2017-10"));
        assertTrue(received.get("2017-11").endsWith(";Läkemedel\r\n"), received.get("2017-11"));
        assertEquals("text/csv; charset=UTF-8", contentTypes.get("2017-10"));
    }

    @Test
    void aFileThatCannotBeReadFailsAloneAndTheFilesAfterItAreLoaded() throws IOException {
        Files.createDirectories(directory.resolve("outcomes/2017-09.csv"));
        Files.write(directory.resolve("outcomes/2017-10.csv"), (HEADER + "HSF-LM;1;1;1;1;Försenad\r\n")
                .getBytes(Charset.forName("windows-1252")));
        Files.writeString(directory.resolve("outcomes/2017-11.csv"), HEADER + "HSF-LM;1;1;1;1;\r\n");

        Importer.Summary summary = load();

        assertEquals(1, summary.failures().size(), summary.failures().toString());
        assertTrue(summary.failures().get(0).startsWith("outcomes/2017-09.csv: cannot read the file"), summary.failures().get(0));
        assertEquals(3, summary.files());
        assertEquals(2, summary.created());
        assertTrue(received.get("2017-10").endsWith(";Försenad\r\n"), received.get("2017-10"));
    }

    private Importer.Summary load() throws IOException {
        return ImporterRun.load(gateway.getAddress().getPort(), directory);
    }
}
