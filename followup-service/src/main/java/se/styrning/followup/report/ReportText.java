package se.styrning.followup.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import se.styrning.followup.Period;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A written text section of a plan's report or a unit's roll-up for a period. */
@Entity
@Table(name = "report_text")
public class ReportText extends PanacheEntityBase {

    /** Whose report: a plan's ({@code subjectId} is the plan) or a unit's roll-up (the unit). */
    public enum Report { PLAN, ROLLUP }

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public Report report;
    public UUID subjectId;
    public String period;
    @Enumerated(EnumType.STRING)
    public TextSection section;
    /** The focus area's code for {@link TextSection#ANALYSIS}, empty otherwise. */
    public String area;
    public String body;
    @Version
    public long version;
    public String writtenBy;
    public Instant writtenAt;

    /** What the audit trail keeps of it. */
    public record State(UUID id, Report report, UUID subjectId, String period, TextSection section, String area,
                        String text, long version, String writtenBy, Instant writtenAt) {
    }

    static List<ReportText> of(Report report, UUID subjectId, Period period) {
        return list("report = ?1 and subjectId = ?2 and period = ?3", report, subjectId, period.toString());
    }

    static Optional<ReportText> find(Report report, UUID subjectId, Period period, TextSection section, String area) {
        return find("report = ?1 and subjectId = ?2 and period = ?3 and section = ?4 and area = ?5", report, subjectId,
                period.toString(), section, area).firstResultOptional();
    }

    State state() {
        return new State(id, report, subjectId, period, section, area, body, version, writtenBy, writtenAt);
    }
}
