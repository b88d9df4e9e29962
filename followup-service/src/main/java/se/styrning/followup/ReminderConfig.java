package se.styrning.followup;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;

/** {@code styrning.followup.reminders.*}: when reminders of the calendar's deadlines go out. */
@ConfigMapping(prefix = "styrning.followup.reminders")
public interface ReminderConfig {

    /** How often the job looks for deadlines (a Quarkus scheduler interval; {@code off} stops it). */
    @WithDefault("15m")
    String every();

    /** How many days before a deadline its reminder goes out (on the deadline's day at the latest). */
    @WithDefault("3")
    int daysBefore();

    /**
     * How long after a deadline its missed deadline is still announced. Older deadlines are left alone, so a stack
     * started on years-old data does not announce every deadline it ever had.
     */
    @WithDefault("7d")
    Duration lookBack();

    /** Where the region's days begin and end: a deadline has passed when its day has ended here. */
    @WithDefault("Europe/Stockholm")
    ZoneId zone();

    /** How many work items a reminder lists at most; it always counts them all and links the whole work list. */
    @WithDefault("100")
    int maxItems();
}
