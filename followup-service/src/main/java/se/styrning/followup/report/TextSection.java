package se.styrning.followup.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The text sections a report opens with, as the seeds print them, and who may write each. */
@Schema(description = "SUMMARY (sammanfattning), ANALYSIS (analys, one per focus area), ECONOMY (ekonomi och prognos) "
        + "or PERSONNEL (personalredovisning)")
public enum TextSection {
    SUMMARY("Sammanfattning", false),
    ANALYSIS("Analys", false),
    ECONOMY("Ekonomi och prognos", true),
    PERSONNEL("Personalredovisning", false);

    private final String heading;
    private final boolean controllers;

    TextSection(String heading, boolean controllers) {
        this.heading = heading;
        this.controllers = controllers;
    }

    /** The heading the printed report gives it. */
    public String heading() {
        return heading;
    }

    /** The economy's commentary is the controller's; the others are written by an editor of the report's unit. */
    public boolean writtenByControllers() {
        return controllers;
    }
}
