package org.cartevidence.fhir;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cartevidence.api.PageParams;
import org.cartevidence.api.PageResponse;
import org.cartevidence.cohort.Cohort;
import org.cartevidence.study.StudyListFilter;
import org.cartevidence.study.StudyService;
import org.cartevidence.study.StudyView;
import org.hl7.fhir.r5.model.Bundle;
import org.hl7.fhir.r5.model.ResearchStudy;

/** The studies as ResearchStudy resources, read through the study service (its filters, paging and 404s). */
@ApplicationScoped
public class FhirStudies {

    @Inject
    StudyService studies;

    @Inject
    EntityManager em;

    @Transactional
    public ResearchStudy read(long id) {
        StudyView study = StudyView.of(studies.get(id));
        return ResearchStudies.of(study, cohorts(List.of(id)).getOrDefault(id, List.of()));
    }

    @Transactional
    public Bundle search(StudyListFilter filter, PageParams page, UriInfo uri) {
        PageResponse<StudyView> found = studies.list(filter, page);
        Map<Long, List<Cohort>> cohorts = cohorts(found.items().stream().map(StudyView::id).toList());
        Bundle bundle = SearchBundles.of(uri, found.totalItems());
        SearchBundles.pageLinks(bundle, uri, found.page(), found.totalPages());
        for (StudyView study : found.items()) {
            ResearchStudy resource = ResearchStudies.of(study, cohorts.getOrDefault(study.id(), List.of()));
            SearchBundles.add(bundle, uri.getBaseUriBuilder().path("api/v1/fhir/ResearchStudy/{id}")
                    .build(study.id()).toString(), resource);
        }
        return bundle;
    }

    /** The cohorts of these studies, in the order they were added. */
    private Map<Long, List<Cohort>> cohorts(List<Long> studyIds) {
        if (studyIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select c from Cohort c where c.study.id in :ids order by c.id", Cohort.class)
                .setParameter("ids", studyIds).getResultStream()
                .collect(Collectors.groupingBy(c -> c.study.id));
    }
}
