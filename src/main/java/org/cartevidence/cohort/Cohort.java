package org.cartevidence.cohort;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;
import org.cartevidence.api.VersionedEntity;
import org.cartevidence.study.Study;

/**
 * The patients of one study who share a disease (and a dose or arm). A cohort that a later report of the same
 * patients supersedes points at that report's cohort, so that pooling counts each patient once.
 */
@Entity
@Audited
@Table(name = "cohort")
@SequenceGenerator(sequenceName = "cohort_seq", allocationSize = 50)
public class Cohort extends VersionedEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "study_id", nullable = false, updatable = false)
    public Study study;

    public String label;

    @Enumerated(EnumType.STRING)
    public Disease disease;

    public int enrolled;
    public Integer female;

    @Column(name = "median_age")
    public Double medianAge;

    public String dose;

    @Column(name = "dose_cells_per_kg")
    public Double doseCellsPerKg;

    public String lymphodepletion;

    @Column(name = "median_follow_up_months")
    public Double medianFollowUpMonths;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "superseded_by_id")
    public Cohort supersededBy;

    public String notes;

    /** Takes every writable field but the supersession link, which the service checks and sets. */
    public void apply(CohortInput in) {
        label = in.label();
        disease = in.disease();
        enrolled = in.enrolled();
        female = in.female();
        medianAge = in.medianAge();
        dose = in.dose();
        doseCellsPerKg = in.doseCellsPerKg();
        lymphodepletion = in.lymphodepletion();
        medianFollowUpMonths = in.medianFollowUpMonths();
        notes = in.notes();
    }

    public Long supersededById() {
        return supersededBy == null ? null : supersededBy.id;
    }
}
