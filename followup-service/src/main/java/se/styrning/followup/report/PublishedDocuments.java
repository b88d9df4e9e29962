package se.styrning.followup.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.followup.WorkRows;
import se.styrning.followup.readmodel.ReportingUnit;
import se.styrning.platform.db.SqlValues;
import se.styrning.platform.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The region's public documents: its adopted plans, and its published follow-ups (per plan and period, and per unit's
 * roll-up and period, the newest version that was published; a later reopening does not unpublish it). Nothing else
 * is listed, so the list does not tell who has drafts or follow-ups under way.
 */
@ApplicationScoped
public class PublishedDocuments {

    @Schema(description = "PLAN: an adopted plan; REPORT: a plan's follow-up; ROLLUP: a unit's follow-up over its subtree")
    public enum DocumentKind { PLAN, REPORT, ROLLUP }

    @Schema(name = "PublishedDocument", description = "An adopted plan or a published follow-up, readable without a token")
    public record Document(DocumentKind kind,
                           @Schema(description = "The plan (PLAN, REPORT) or unit (ROLLUP) the document is about") UUID id,
                           UUID unitId, String unitName,
                           @Schema(description = "The plan's title; for a roll-up, Samlad uppföljning") String title,
                           int year, @Schema(description = "The follow-up's period; null for a plan", example = "2021-T2") String period,
                           @Schema(description = "The published version's number; null for a plan") Integer version,
                           @Schema(description = "When the follow-up was published; null for a plan") Instant publishedAt,
                           @Schema(description = "When the plan was adopted; null for a follow-up") LocalDate adoptedOn,
                           @Schema(description = "The document (JSON, or HTML, PDF, xlsx by Accept)",
                                   example = "/api/public/reports/3f0c…/2021-T2?version=1") String link,
                           @Schema(description = "The same as PDF") String pdf,
                           @Schema(description = "Its tables as an Excel workbook") String xlsx) {
    }

    private final EntityManager entityManager;

    PublishedDocuments(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * By unit name, newest year first; in a year the plan, then the follow-ups newest period first, a unit's roll-up
     * before its plans' reports.
     *
     * @param year   only documents of this year, when given
     * @param unitId only those of this unit and the units below it, when given (404 when followup-service has no such unit)
     */
    @Transactional
    public List<Document> list(Integer year, UUID unitId) {
        List<UUID> units = null;
        if (unitId != null) {
            if (ReportingUnit.findById(unitId) == null) {
                throw ProblemException.notFound("Unit", unitId);
            }
            units = WorkRows.subtree(entityManager, unitId).stream().map(WorkRows.Below::id).toList();
        }
        return Stream.of(plans(year, units), rows(DocumentKind.REPORT, """
                        select distinct on (v.plan_id, v.period) v.plan_id, p.unit_id, u.name, p.title, v.period, v.number, v.published_at
                        from report_version v join reporting_plan p on p.id = v.plan_id join reporting_unit u on u.id = p.unit_id
                        where v.published_at is not null and (cast(:year as text) is null or left(v.period, 4) = cast(:year as text))
                          and (:all or p.unit_id in (:units))
                        order by v.plan_id, v.period, v.number desc""", year, units),
                rows(DocumentKind.ROLLUP, """
                        select distinct on (v.unit_id, v.period) v.unit_id, v.unit_id, u.name, null, v.period, v.number, v.published_at
                        from rollup_version v join reporting_unit u on u.id = v.unit_id
                        where v.published_at is not null and (cast(:year as text) is null or left(v.period, 4) = cast(:year as text))
                          and (:all or v.unit_id in (:units))
                        order by v.unit_id, v.period, v.number desc""", year, units))
                .flatMap(documents -> documents)
                .sorted(Comparator.comparing(Document::unitName, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Document::unitId)
                        .thenComparing(Document::year, Comparator.reverseOrder())
                        .thenComparing(document -> document.kind() != DocumentKind.PLAN)
                        .thenComparing(Document::period, Comparator.nullsFirst(Comparator.reverseOrder()))
                        .thenComparing(Document::kind, Comparator.reverseOrder())
                        .thenComparing(Document::title, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private Stream<Document> plans(Integer year, List<UUID> units) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select p.id, p.unit_id, u.name, p.title, p.year, p.adopted_on
                        from reporting_plan p join reporting_unit u on u.id = p.unit_id
                        where p.status in (:public) and (cast(:year as integer) is null or p.year = cast(:year as integer))
                          and (:all or p.unit_id in (:units))""")
                .setParameter("public", PlanDocument.PUBLIC)
                .setParameter("year", year)
                .setParameter("all", units == null)
                .setParameter("units", units == null || units.isEmpty() ? List.of(new UUID(0, 0)) : units)
                .getResultList();
        return rows.stream().map(row -> {
            String path = "/api/public/plan-documents/" + row[0];
            return new Document(DocumentKind.PLAN, (UUID) row[0], (UUID) row[1], (String) row[2], (String) row[3],
                    ((Number) row[4]).intValue(), null, null, null, SqlValues.localDate(row[5]), path, path + "/pdf",
                    path + "/xlsx");
        });
    }

    @SuppressWarnings("unchecked")
    private Stream<Document> rows(DocumentKind kind, String sql, Integer year, List<UUID> units) {
        List<Object[]> rows = entityManager.createNativeQuery(sql)
                .setParameter("year", year == null ? null : year.toString())
                .setParameter("all", units == null)
                .setParameter("units", units == null || units.isEmpty() ? List.of(new UUID(0, 0)) : units)
                .getResultList();
        return rows.stream().map(row -> document(kind, row));
    }

    private static Document document(DocumentKind kind, Object[] row) {
        UUID id = (UUID) row[0];
        String period = (String) row[4];
        int version = ((Number) row[5]).intValue();
        String path = (kind == DocumentKind.REPORT ? "/api/public/reports/" : "/api/public/rollup-reports/") + id + "/" + period;
        String query = "?version=" + version;
        return new Document(kind, id, (UUID) row[1], (String) row[2],
                kind == DocumentKind.REPORT ? (String) row[3] : "Samlad uppföljning", Integer.parseInt(period.substring(0, 4)),
                period, version, SqlValues.instant(row[6]), null, path + query, path + "/pdf" + query, path + "/xlsx" + query);
    }
}
