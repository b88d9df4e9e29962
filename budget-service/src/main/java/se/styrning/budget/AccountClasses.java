package se.styrning.budget;

import java.math.BigDecimal;

/**
 * An operating budget's amounts per account class (kontoklass): revenue (Intäkter, negative as the documents print
 * it), staff costs (Personalkostnader) and other operating costs (Övriga driftskostnader).
 */
public record AccountClasses(BigDecimal revenue, BigDecimal staffCosts, BigDecimal otherCosts) {

    public AccountClasses {
        revenue = Sek.exact(revenue);
        staffCosts = Sek.exact(staffCosts);
        otherCosts = Sek.exact(otherCosts);
    }

    /** Budgetram / nettobudget: the sum of the three. */
    public BigDecimal netBudget() {
        return revenue.add(staffCosts).add(otherCosts);
    }

    boolean sameAs(AccountClasses other) {
        return revenue.compareTo(other.revenue) == 0 && staffCosts.compareTo(other.staffCosts) == 0
                && otherCosts.compareTo(other.otherCosts) == 0;
    }
}
