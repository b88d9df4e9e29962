package se.styrning.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.plan.event.IndicatorUpserted;
import se.styrning.platform.problem.ProblemException;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/** A quality indicator (kvalitetsindikator), e.g. Sjukfrånvaro in %, lower is better, split by gender. */
@Entity
@Table(name = "indicator")
public class Indicator extends PanacheEntityBase {

    /** Medarbetare, Ekonomi, … */
    @Schema(name = "IndicatorCategory", description = "STAFF (medarbetare), ECONOMY (ekonomi), QUALITY, OTHER")
    public enum Category { STAFF, ECONOMY, QUALITY, OTHER }

    /** Region-wide (koncernnivå) or the administration's own (kompletterande). */
    @Schema(name = "IndicatorLevel", description = "REGION (koncernnivå) or ADMINISTRATION (förvaltningens kompletterande)")
    public enum Level { REGION, ADMINISTRATION }

    @Schema(name = "IndicatorDirection", description = "Whether a higher or a lower value is better")
    public enum Direction { HIGHER_IS_BETTER, LOWER_IS_BETTER }

    /** Monthly, at interim closing (tertial), at annual closing. */
    @Schema(name = "IndicatorFrequency", description = "How often the indicator is measured")
    public enum Frequency { MONTHLY, TERTIAL, YEARLY }

    /** Entered by hand, or derived from budget-service's figures. */
    @Schema(name = "IndicatorSource", description = "MANUAL: entered by hand; BUDGET: derived from budget-service figures")
    public enum Source { MANUAL, BUDGET }

    /**
     * The figures followup-service reads from the economy for a BUDGET indicator, optionally for one cost object and
     * those below it ({@code COST_DEVELOPMENT:HSF}); docs/api.md says what each is.
     */
    static final Pattern ECONOMY_FIGURE = Pattern.compile(
            "(RESULT_YTD|DEVIATION_YTD|FORECAST_DEVIATION|COST_DEVELOPMENT|REVENUE_DEVELOPMENT)(:[^:\\s]{1,50})?"
                    + "|INVESTMENT_FORECAST_DEVIATION");

    /** Why an indicator's external code is not a figure followup-service derives; null when it is, or needs none. */
    static String economyFigureProblem(String name, Source source, String externalCode) {
        if (source != Source.BUDGET || externalCode == null || ECONOMY_FIGURE.matcher(externalCode).matches()) {
            return null;
        }
        return "'" + name + "' is read from the economy (source BUDGET), so its external code names the figure: "
                + "RESULT_YTD, DEVIATION_YTD, FORECAST_DEVIATION, COST_DEVELOPMENT or REVENUE_DEVELOPMENT, for one cost "
                + "object and those below it followed by ':' and its code (COST_DEVELOPMENT:HSF), or "
                + "INVESTMENT_FORECAST_DEVIATION; not '" + externalCode + "'";
    }

    @Id
    public UUID id;
    public UUID planId;
    public String name;
    public String description;
    @Enumerated(EnumType.STRING)
    public Category category;
    @Enumerated(EnumType.STRING)
    public Level level;
    /** What the values are measured in: "%", "index", "SEK". */
    public String unit;
    @Enumerated(EnumType.STRING)
    public Direction direction;
    @Enumerated(EnumType.STRING)
    public Frequency frequency;
    public boolean genderSplit;
    /** E.g. a Kolada KPI id. */
    public String externalCode;
    @Enumerated(EnumType.STRING)
    public Source source;
    public int position;
    @Version
    public long version;
    public Instant createdAt;
    public Instant updatedAt;

    /** The editable fields, as a create or full update sets them. */
    public record Content(String name, String description, Category category, Level level, String unit,
                          Direction direction, Frequency frequency, boolean genderSplit, String externalCode,
                          Source source, Integer position) {
    }

    static Indicator create(UUID planId, Instant now) {
        Indicator indicator = new Indicator();
        indicator.id = UUID.randomUUID();
        indicator.planId = planId;
        indicator.createdAt = now;
        return indicator;
    }

    void set(Content content, int position, Instant now) {
        name = content.name();
        description = content.description();
        category = content.category();
        level = content.level();
        unit = content.unit();
        direction = content.direction();
        frequency = content.frequency();
        genderSplit = content.genderSplit();
        externalCode = content.externalCode();
        source = content.source() != null ? content.source() : Source.MANUAL;
        this.position = position;
        updatedAt = now;
    }

    Content content() {
        return new Content(name, description, category, level, unit, direction, frequency, genderSplit, externalCode,
                source, position);
    }

    public IndicatorUpserted upserted() {
        return new IndicatorUpserted(id, planId, name, description, category.name(), level.name(), unit,
                direction.name(), frequency.name(), genderSplit, externalCode, source.name(), position, version);
    }

    /** The Indicator with this id, or a 404 problem. */
    public static Indicator require(UUID id) {
        return Indicator.<Indicator>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Indicator", id));
    }
}
