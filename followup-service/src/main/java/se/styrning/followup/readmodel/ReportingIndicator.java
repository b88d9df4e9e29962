package se.styrning.followup.readmodel;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.UUID;

/** An indicator of a plan as plan-service last published it. */
@Entity
@Table(name = "reporting_indicator")
public class ReportingIndicator extends Replica {

    public UUID planId;
    public String name;
    public String description;
    public String category;
    public String level;
    public String unit;
    public String direction;
    public String frequency;
    public boolean genderSplit;
    public String externalCode;
    public String source;
    public int position;

    public boolean higherIsBetter() {
        return "HIGHER_IS_BETTER".equals(direction);
    }
}
