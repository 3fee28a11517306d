package org.cartevidence.study;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;
import org.hibernate.envers.Audited;
import java.util.ArrayList;
import java.util.List;
import org.cartevidence.api.VersionedEntity;

/** A trial or a published report: the product it tested and where its numbers come from. */
@Entity
@Audited
@Table(name = "study")
@SequenceGenerator(sequenceName = "study_seq", allocationSize = 50)
public class Study extends VersionedEntity {

    @Column(name = "study_key", nullable = false, unique = true)
    public String key;

    public String title;
    public String citation;

    // A page of studies loads the lists of all its studies in one statement per list (pages hold at most 100).
    @ElementCollection
    @BatchSize(size = 100)
    @CollectionTable(name = "study_registry_id", joinColumns = @JoinColumn(name = "study_id"))
    @OrderColumn(name = "position")
    @Column(name = "registry_id")
    public List<String> registryIds = new ArrayList<>();

    public String doi;
    public String pmid;

    @Column(name = "publication_year")
    public Integer publicationYear;

    @Column(name = "start_year")
    public Integer startYear;

    @Enumerated(EnumType.STRING)
    public Phase phase;

    @Enumerated(EnumType.STRING)
    public StudyStatus status;

    @ElementCollection
    @BatchSize(size = 100)
    @CollectionTable(name = "study_country", joinColumns = @JoinColumn(name = "study_id"))
    @OrderColumn(name = "position")
    @Column(name = "country")
    public List<String> countries = new ArrayList<>();

    public String sponsor;
    public String institution;

    @Enumerated(EnumType.STRING)
    public Target target;

    @Enumerated(EnumType.STRING)
    @Column(name = "cell_source")
    public CellSource cellSource;

    @Enumerated(EnumType.STRING)
    @Column(name = "gene_editing")
    public GeneEditing geneEditing;

    @Enumerated(EnumType.STRING)
    public VectorType vector;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_type")
    public SourceType sourceType;

    @Column(name = "source_note")
    public String sourceNote;

    /** Takes every writable field from the input: a PUT replaces, so an absent optional field becomes empty. */
    public void apply(StudyInput in) {
        key = in.key();
        title = in.title();
        citation = in.citation();
        replace(registryIds, in.registryIds());
        doi = in.doi();
        pmid = in.pmid();
        publicationYear = in.publicationYear();
        startYear = in.startYear();
        phase = in.phase();
        status = in.status();
        replace(countries, in.countries());
        sponsor = in.sponsor();
        institution = in.institution();
        target = in.target();
        cellSource = in.cellSource();
        geneEditing = in.geneEditing();
        vector = in.vector();
        sourceType = in.sourceType();
        sourceNote = in.sourceNote();
    }

    /** Changes the element collection only when its content differs, so that an unchanged PUT bumps no version. */
    private static void replace(List<String> current, List<String> wanted) {
        List<String> next = wanted == null ? List.of() : wanted;
        if (!current.equals(next)) {
            current.clear();
            current.addAll(next);
        }
    }
}
