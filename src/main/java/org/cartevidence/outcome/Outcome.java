package org.cartevidence.outcome;

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
import org.cartevidence.cohort.Cohort;

/** One measured result of one cohort: events out of total (a count), optionally with continuous values. */
@Entity
@Audited
@Table(name = "outcome")
@SequenceGenerator(sequenceName = "outcome_seq", allocationSize = 50)
public class Outcome extends VersionedEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cohort_id", nullable = false, updatable = false)
    public Cohort cohort;

    @Enumerated(EnumType.STRING)
    public Measure measure;

    public String definition;
    public int events;
    public int total;

    @Column(name = "timepoint_months")
    public Double timepointMonths;

    @Column(name = "mean_value")
    public Double mean;

    @Column(name = "sd_value")
    public Double sd;

    @Column(name = "median_value")
    public Double median;

    public String unit;
    public String notes;
    public String source;

    public void apply(OutcomeInput in) {
        measure = in.measure();
        definition = in.definition();
        events = in.events();
        total = in.total();
        timepointMonths = in.timepointMonths();
        mean = in.mean();
        sd = in.sd();
        median = in.median();
        unit = in.unit();
        notes = in.notes();
        source = in.source();
    }
}
