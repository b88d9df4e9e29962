package se.styrning.followup.event;

import java.util.UUID;

/** One thing a unit still has to do for a deadline, and the API resource that does it. */
public record OpenWork(String kind, UUID planId, UUID subjectId, String title, String link) {
}
