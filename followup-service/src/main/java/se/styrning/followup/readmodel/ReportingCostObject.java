package se.styrning.followup.readmodel;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.UUID;

/** A cost object as budget-service last published it. */
@Entity
@Table(name = "reporting_cost_object")
public class ReportingCostObject extends Replica {

    public String code;
    public String name;
    public UUID unitId;
    public UUID parentId;
    public int position;
}
