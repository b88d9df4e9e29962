package se.styrning.platform.inbox;

/**
 * For a consumer's copy of an event: a field the consumer needs is missing, so the event breaks its contract. Call it
 * in the record's compact constructor; the event is then refused when it is read ({@link IncomingEvent#data}) and
 * dead-lettered like any malformed event.
 */
public final class RequiredFields {

    private RequiredFields() {
    }

    /** Each pair is a field's name and its value: {@code require("unitId", unitId, "code", code)}. */
    public static void require(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs: " + namesAndValues.length + " given");
        }
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == null) {
                throw new MalformedEventException("lacks the required field " + namesAndValues[i]);
            }
        }
    }
}
