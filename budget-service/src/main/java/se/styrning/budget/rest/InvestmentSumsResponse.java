package se.styrning.budget.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.budget.Investment;
import se.styrning.budget.InvestmentGroup;
import se.styrning.budget.YearAmount;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@Schema(description = "Sums of the investment budget in SEK: the total, per group, per owner unit and per year")
public record InvestmentSumsResponse(@Schema(description = "The year summed, or null for every year") Integer year,
                                     BigDecimal total, List<GroupSum> byGroup, List<OwnerSum> byOwner, List<YearSum> byYear) {

    @Schema(description = "The sum of one group; group null holds the projects without one")
    public record GroupSum(InvestmentGroup group, BigDecimal amount) {
    }

    @Schema(description = "The sum of one owner unit's projects")
    public record OwnerSum(UUID ownerUnitId, BigDecimal amount) {
    }

    @Schema(description = "The sum of one year")
    public record YearSum(int year, BigDecimal amount) {
    }

    /** Sums over {@code investments}; the group and owner sums count only {@code year} when it is given. */
    static InvestmentSumsResponse of(List<Investment> investments, Integer year) {
        List<Line> lines = investments.stream().flatMap(i -> i.amounts.stream().map(a -> new Line(i, a))).toList();
        List<Line> counted = lines.stream().filter(l -> year == null || l.amount().year == year).toList();
        BigDecimal total = sum(counted);
        List<GroupSum> byGroup = grouped(counted, l -> l.investment().group).entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getKey() == null ? Integer.MAX_VALUE : e.getKey().ordinal()))
                .map(e -> new GroupSum(e.getKey(), sum(e.getValue()))).toList();
        List<OwnerSum> byOwner = grouped(counted, l -> l.investment().ownerUnitId).entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).map(e -> new OwnerSum(e.getKey(), sum(e.getValue()))).toList();
        List<YearSum> byYear = lines.stream().collect(Collectors.groupingBy(l -> l.amount().year, TreeMap::new, Collectors.toList()))
                .entrySet().stream().map(e -> new YearSum(e.getKey(), sum(e.getValue()))).toList();
        return new InvestmentSumsResponse(year, total, byGroup, byOwner, byYear);
    }

    private record Line(Investment investment, YearAmount amount) {
    }

    private static <K> Map<K, List<Line>> grouped(List<Line> lines, Function<Line, K> key) {
        Map<K, List<Line>> groups = new HashMap<>();
        lines.forEach(line -> groups.computeIfAbsent(key.apply(line), k -> new ArrayList<>()).add(line));
        return groups;
    }

    private static BigDecimal sum(List<Line> lines) {
        return lines.stream().map(l -> l.amount().amount).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
