package se.styrning.followup.readmodel;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.UUID;

/** A focus area as reports need it. */
@Entity
@Table(name = "reporting_focus_area")
public class ReportingFocusArea extends Replica {

    public UUID planId;
    public String code;
    public String title;
    public String description;
    public int position;
}
