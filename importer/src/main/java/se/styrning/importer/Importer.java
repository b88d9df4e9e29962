package se.styrning.importer;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads a dataset directory through the gateway, file kind after file kind in the order their references need:
 * units, plans, statuses, cost objects, budgets, deviation rules (before the outcomes they judge), outcomes, then
 * what followup-service holds (assessments, indicator outcomes, calendars, report texts). Prints a line per file
 * and a summary; running it again changes nothing.
 */
public final class Importer {

    /** What a run did, summed over every file; {@code failures} name file, place and reason. */
    public record Summary(int files, int created, int updated, int unchanged, List<String> failures) {

        public boolean ok() {
            return failures.isEmpty();
        }
    }

    private final List<Loader> loaders;
    private final PrintStream out;

    public Importer(URI gateway, String token, PrintStream out) {
        this(gateway, token, Duration.ofSeconds(60), out);
    }

    Importer(URI gatewayUrl, String token, Duration followupPatience, PrintStream out) {
        Gateway gateway = new Gateway(gatewayUrl, token);
        Registry registry = new Registry(gateway);
        FollowupWrites followup = new FollowupWrites(gateway, followupPatience);
        this.loaders = List.of(
                new UnitLoader(gateway, registry),
                new PlanLoader(gateway, registry),
                new StatusLoader(gateway, registry),
                new CostObjectLoader(gateway, registry),
                new OperatingBudgetLoader(gateway, registry),
                new InvestmentLoader(gateway, registry),
                new DeviationRuleLoader(gateway),
                new OutcomeLoader(gateway),
                new AssessmentLoader(followup, registry),
                new IndicatorOutcomeLoader(followup, registry),
                new CalendarLoader(followup, registry),
                new ReportTextLoader(followup, registry));
        this.out = out;
    }

    public Summary load(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(directory + " is not a directory");
        }
        Tally total = new Tally("all");
        int files = 0;
        for (Loader loader : loaders) {
            for (Path file : files(directory, loader.pattern())) {
                files++;
                String name = directory.relativize(file).toString();
                Tally tally = new Tally(name);
                long started = System.nanoTime();
                try {
                    loader.load(file, tally);
                } catch (RowProblem problem) {
                    tally.fail("", problem.getMessage());
                } catch (IOException unreadable) {
                    // this file alone fails; the files after it are still loaded
                    tally.fail("", "cannot read the file (" + unreadable + ")");
                }
                out.printf("%-34s %s (%.1f s)%n", name, tally.line(), (System.nanoTime() - started) / 1e9);
                tally.failures.forEach(failure -> out.println("  " + failure));
                total.add(tally);
            }
        }
        out.printf("%d files, %s%n", files, total.line());
        return new Summary(files, total.created, total.updated, total.unchanged, List.copyOf(total.failures));
    }

    private static List<Path> files(Path directory, String pattern) throws IOException {
        int star = pattern.indexOf("/*");
        if (star < 0) {
            Path file = directory.resolve(pattern);
            return Files.isRegularFile(file) ? List.of(file) : List.of();
        }
        Path folder = directory.resolve(pattern.substring(0, star));
        String extension = pattern.substring(star + 2);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> listed = Files.list(folder)) {
            return listed.filter(p -> p.getFileName().toString().endsWith(extension)).sorted().toList();
        }
    }
}
