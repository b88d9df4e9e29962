package se.styrning.followup.report;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import se.styrning.followup.Period;
import se.styrning.platform.change.Change;
import se.styrning.platform.change.Changes;
import se.styrning.platform.problem.Problem;
import se.styrning.platform.problem.ProblemException;
import se.styrning.platform.problem.ProblemKind;
import se.styrning.platform.rest.Versions;
import se.styrning.platform.security.CurrentSubject;
import se.styrning.platform.security.UnitAccess;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The text sections of a report: which it has (summary, an analysis per focus area, economy, personnel), and writing
 * one. The caller holds the follow-up's lock and says where the report stands; a closed or published report's texts
 * are frozen in its snapshot and are not written until it is reopened.
 */
@ApplicationScoped
public class ReportTexts {

    static final int MAX_LENGTH = 20_000;

    private final Changes changes;
    private final UnitAccess access;
    private final CurrentSubject subject;
    private final Instance<SecurityIdentity> identity;
    private final Clock clock;

    ReportTexts(Changes changes, UnitAccess access, CurrentSubject subject, Instance<SecurityIdentity> identity, Clock clock) {
        this.changes = changes;
        this.access = access;
        this.subject = subject;
        this.identity = identity;
        this.clock = clock;
    }

    /** A focus area the report has an analysis for. */
    public record Area(String code, String title) {
    }

    /** Whose report, for which unit, with which focus areas, and where its follow-up stands. */
    public record Target(ReportText.Report report, UUID subjectId, UUID unitId, Period period, List<Area> areas,
                         ReportState state) {
    }

    public record Written(TextLine line, boolean created) {
    }

    /** Every section the report has, in print order, written or missing. */
    public static List<TextLine> lines(ReportText.Report report, UUID subjectId, Period period, List<Area> areas) {
        Map<String, ReportText> written = ReportText.of(report, subjectId, period).stream()
                .collect(Collectors.toMap(text -> text.section + "/" + text.area, Function.identity()));
        List<TextLine> lines = new ArrayList<>();
        lines.add(line(TextSection.SUMMARY, null, null, written));
        areas.forEach(area -> lines.add(line(TextSection.ANALYSIS, area.code(), area.title(), written)));
        lines.add(line(TextSection.ECONOMY, null, null, written));
        lines.add(line(TextSection.PERSONNEL, null, null, written));
        return lines;
    }

    /** Writes a section: 201 when new, 200 when changed or the same again (then nothing is audited). */
    public Written write(Target target, TextSection section, String area, String text, String ifMatch) {
        access.requireWrite(target.unitId());
        if (section.writtenByControllers() && !identity.get().hasRole("controller")) {
            throw new ProblemException(Problem.of(ProblemKind.FORBIDDEN,
                    "The " + section + " text is written by a controller of the report's unit"));
        }
        if (target.state() == ReportState.CLOSED || target.state() == ReportState.PUBLISHED) {
            throw ProblemException.conflict("The report is " + target.state() + "; its texts are frozen with the version "
                    + "closed; reopen it with a reason to change them");
        }
        String key = areaKey(target, section, area);
        String body = text.strip();
        ReportText current = ReportText.find(target.report(), target.subjectId(), target.period(), section, key).orElse(null);
        if (current != null) {
            Versions.requireMatch(ifMatch, current.version);
            if (current.body.equals(body)) {
                return new Written(line(section, key.isEmpty() ? null : key, title(target, key), current), false);
            }
        }
        boolean created = current == null;
        ReportText.State before = created ? null : current.state();
        if (created) {
            current = new ReportText();
            current.id = UUID.randomUUID();
            current.report = target.report();
            current.subjectId = target.subjectId();
            current.period = target.period().toString();
            current.section = section;
            current.area = key;
        }
        current.body = body;
        current.writtenBy = subject.name();
        current.writtenAt = clock.instant();
        current.persistAndFlush();
        changes.record(Change.saved("report-text", current.id, before, current.state()));
        return new Written(line(section, key.isEmpty() ? null : key, title(target, key), current), created);
    }

    /** ANALYSIS needs one of the report's focus areas; the other sections have none. */
    private static String areaKey(Target target, TextSection section, String area) {
        boolean given = area != null && !area.isBlank();
        if (section != TextSection.ANALYSIS) {
            if (given) {
                throw ProblemException.invalidField("area", "only an ANALYSIS text is written per focus area");
            }
            return "";
        }
        if (!given) {
            throw ProblemException.invalidField("area", "an ANALYSIS text needs the focus area's code; the report has "
                    + target.areas().stream().map(Area::code).toList());
        }
        if (target.areas().stream().noneMatch(known -> known.code().equals(area))) {
            throw ProblemException.invalidField("area", "the report has no focus area " + area + "; it has "
                    + target.areas().stream().map(Area::code).toList());
        }
        return area;
    }

    private static String title(Target target, String key) {
        return target.areas().stream().filter(area -> area.code().equals(key)).map(Area::title).findFirst().orElse(null);
    }

    private static TextLine line(TextSection section, String area, String areaTitle, Map<String, ReportText> written) {
        return line(section, area, areaTitle, written.get(section + "/" + (area == null ? "" : area)));
    }

    private static TextLine line(TextSection section, String area, String areaTitle, ReportText text) {
        String heading = areaTitle == null ? section.heading() : section.heading() + ": " + areaTitle;
        return text == null ? new TextLine(section, area, heading, null, null, null, null)
                : new TextLine(section, area, heading, text.body, text.version, text.writtenBy, text.writtenAt);
    }
}
