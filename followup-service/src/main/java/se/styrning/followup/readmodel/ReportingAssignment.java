package se.styrning.followup.readmodel;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.UUID;

/** An assignment as reports need it. */
@Entity
@Table(name = "reporting_assignment")
public class ReportingAssignment extends Replica {

    public UUID planId;
    public UUID focusAreaId;
    public String number;
    public String title;
    public String description;
    public String kind;
    public UUID parentAssignmentId;
    public int position;
}
