package se.styrning.followup.readmodel;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/** A plan as reports need it. */
@Entity
@Table(name = "reporting_plan")
public class ReportingPlan extends Replica {

    public UUID unitId;
    public int year;
    public String title;
    public String status;
    public String adoptedBy;
    public LocalDate adoptedOn;
}
