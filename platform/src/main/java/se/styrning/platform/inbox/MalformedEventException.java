package se.styrning.platform.inbox;

/** An event that can never be processed; the consumer's failure strategy sends it to the dead-letter topic. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }
}
