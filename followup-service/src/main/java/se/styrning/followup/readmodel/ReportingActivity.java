package se.styrning.followup.readmodel;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/** An activity as reports need it; its status lives in {@link ActivityStatusReport}. */
@Entity
@Table(name = "reporting_activity")
public class ReportingActivity extends Replica {

    public UUID planId;
    public UUID assignmentId;
    public UUID parentActivityId;
    public String title;
    public String description;
    public UUID responsibleUnitId;
    public LocalDate startDate;
    public LocalDate endDate;
    public boolean project;
    public String sourceReference;
    public boolean cancelled;
    public int position;
}
