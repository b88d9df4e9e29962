package se.styrning.followup.readmodel;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.UUID;

/** An organisation unit as reports name it: followup-service's copy, kept from plan-service's events. */
@Entity
@Table(name = "reporting_unit")
public class ReportingUnit extends Replica {

    public String code;
    public String name;
    public String kind;
    public UUID parentId;
}
