package se.styrning.plan;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One status report to make on an activity, as a bulk call carries it.
 *
 * @param version       the activity's version the report is based on, or null to report on whatever is current
 * @param effectiveDate null for the default (today, or the plan year's last day once it is over)
 */
public record StatusReport(UUID activityId, Long version, ActivityStatus status, String comment, LocalDate effectiveDate) {

    /** The activity as one report left it (a later report in the same call may change it again). */
    public record Made(UUID activityId, UUID planId, ActivityStatus status, LocalDate effectiveDate,
                       boolean commentMissing, long version) {

        static Made of(Activity activity) {
            return new Made(activity.id, activity.planId, activity.status, activity.statusEffectiveDate,
                    activity.statusCommentMissing, activity.version);
        }
    }
}
