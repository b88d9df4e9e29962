package se.styrning.platform.testapp;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.math.BigDecimal;
import java.util.UUID;

@Entity
public class Thing extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    public BigDecimal amount;
}
