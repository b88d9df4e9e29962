package se.styrning.platform.rest;

import jakarta.ws.rs.core.EntityTag;
import se.styrning.platform.problem.Problem;
import se.styrning.platform.problem.ProblemException;
import se.styrning.platform.problem.ProblemKind;

/**
 * Optimistic locking over HTTP: the ETag of a resource is its entity version; an update names the version it
 * was based on in {@code If-Match}.
 */
public final class Versions {

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** For updates: 428 without {@code If-Match}, 412 unless it names the current version (or is {@code *}). */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(Problem.of(ProblemKind.PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag you read, so a concurrent change is not overwritten"));
        }
        checkMatch(ifMatch, currentVersion);
    }

    /** For actions where the precondition is optional: checked only when {@code If-Match} is sent. */
    public static void checkMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        String current = Long.toString(currentVersion);
        for (String tag : ifMatch.split(",")) {
            String value = tag.trim();
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.replace("\"", "").equals(current)) {
                return;
            }
        }
        throw ProblemException.preconditionFailed("The resource has changed (now version " + current
                + ", you sent " + ifMatch.trim() + "); read it again and retry");
    }
}
