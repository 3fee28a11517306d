package org.cartevidence.pipeline;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Tuple;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.cartevidence.api.ApiException;
import org.cartevidence.api.Problem.FieldError;
import org.cartevidence.cohort.Cohort;
import org.cartevidence.cohort.CohortInput;
import org.cartevidence.cohort.CohortRules;
import org.cartevidence.cohort.CohortService;
import org.cartevidence.outcome.Measure;
import org.cartevidence.outcome.Outcome;
import org.cartevidence.outcome.OutcomeInput;
import org.cartevidence.pipeline.ImportResult.Change;
import org.cartevidence.pipeline.ImportResult.Tally;
import org.cartevidence.pipeline.StudyDocument.CohortDocument;
import org.cartevidence.pipeline.StudyDocument.CohortRef;
import org.cartevidence.pipeline.StudyDocument.OutcomeKey;
import org.cartevidence.study.Study;
import org.cartevidence.study.StudyInput;
import org.cartevidence.study.StudyRules;
import org.hibernate.engine.spi.SessionImplementor;

/**
 * Upserts study documents, all or nothing. First every document is read and checked on its own (so that every bad
 * line is reported at once), then all of them are written in one transaction, which also checks what needs the
 * database (later reports outside the import, outcomes the import does not mention). Any error rolls everything back.
 * A record whose fields already equal the document's is not touched: no new version, no audit entry. Records the
 * documents do not mention are left as they are: an import adds and changes, it never deletes.
 */
@ApplicationScoped
public class ImportService {

    /** Existing records are looked up this many studies at a time (bound parameters stay well under any limit). */
    private static final int LOOKUP_CHUNK = 500;

    @Inject
    DocumentReader reader;

    @Inject
    EntityManager em;

    @Inject
    CohortService cohortService;

    @Inject
    PlannerStatistics statistics;

    /** Imports NDJSON ({@code ndjson}) or JSON (one document or an array); {@code dryRun} writes nothing. */
    public ImportResult importDocuments(InputStream body, boolean ndjson, boolean dryRun) {
        DocumentReader.Read read = ndjson ? reader.ndjson(body) : reader.json(body);
        List<FieldError> errors = new ArrayList<>(read.errors());
        checkDuplicateKeys(read.documents(), errors);
        refuse(errors);
        if (dryRun) {
            return dryRun(read.documents());
        }
        ImportResult result = QuarkusTransaction.requiringNew().call(() -> write(read.documents(), false));
        statistics.afterImport(result.outcomes().created() + result.outcomes().updated());
        return result;
    }

    /**
     * Every check and every write of an import, in a transaction of its own that is then rolled back. Envers' audit
     * rows wait for the commit: marked for rollback first, Envers drops them, and the session ends with no work left
     * pending.
     */
    private ImportResult dryRun(List<StudyDocument> documents) {
        QuarkusTransaction.begin();
        try {
            ImportResult result = write(documents, true);
            QuarkusTransaction.setRollbackOnly();
            em.unwrap(SessionImplementor.class).getActionQueue().beforeTransactionCompletion();
            return result;
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    private static void checkDuplicateKeys(List<StudyDocument> documents, List<FieldError> errors) {
        Set<String> keys = new HashSet<>();
        for (StudyDocument document : documents) {
            StudyRules.keyUnique(!keys.add(document.study().key()))
                    .ifPresent(e -> errors.add(DocumentReader.at(document.line(), "", e)));
        }
    }

    private static void refuse(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::line).thenComparing(FieldError::field));
            long lines = errors.stream().map(FieldError::line).distinct().count();
            throw new ApiException(422, "validation", "Invalid import", errors.size() + " error(s) on " + lines
                    + " line(s); nothing was imported", errors);
        }
    }

    private ImportResult write(List<StudyDocument> documents, boolean dryRun) {
        // New records are written by JDBC once every check has passed; until then nothing needs to reach the database.
        em.setFlushMode(FlushModeType.COMMIT);
        NewRecords created = new NewRecords(em);
        Tally studies = new Tally();
        Tally cohorts = new Tally();
        Tally outcomes = new Tally();
        List<FieldError> errors = new ArrayList<>();
        Map<CohortRef, Cohort> imported = new HashMap<>();
        List<PendingLink> links = new ArrayList<>();
        Map<Long, Set<OutcomeKey>> addedToStored = new HashMap<>();
        for (List<StudyDocument> chunk : Chunks.of(documents, LOOKUP_CHUNK)) {
            Existing existing = existing(chunk);
            for (StudyDocument document : chunk) {
                Study study = upsertStudy(document.study(), existing.studies.get(document.study().key()), studies,
                        created);
                Map<String, Cohort> cohortsOfStudy = existing.cohorts.getOrDefault(study.key, Map.of());
                for (int i = 0; i < document.cohorts().size(); i++) {
                    CohortDocument cd = document.cohorts().get(i);
                    Cohort cohort = cohortsOfStudy.get(cd.cohort().label());
                    PendingLink link = new PendingLink(document.line(), "/cohorts/" + i, cd,
                            cohort == null ? null : CohortInput.of(cohort),
                            cohort == null ? created.cohort(study, cd.cohort()) : cohort);
                    links.add(link);
                    imported.put(new CohortRef(study.key, cd.cohort().label()), link.cohort);
                    link.outcomesChanged = upsertOutcomes(link.cohort, cd.outcomes(),
                            existing.outcomes.getOrDefault(link.cohort.id, Map.of()), outcomes, created,
                            addedToStored);
                }
            }
        }
        Map<Long, Cohort> changedStored = new HashMap<>();
        for (PendingLink link : links) {
            Change change = link(link, imported, errors);
            cohorts.count(change);
            if (link.before != null && (change == Change.UPDATED || link.outcomesChanged)) {
                changedStored.put(link.cohort.id, link.cohort);
            }
        }
        checkCycles(links, errors);
        refuse(errors);
        lockChangedCohorts(changedStored, addedToStored);
        for (PendingLink link : links) {
            if (link.before != null && created.isNew(link.cohort.supersededBy)) {
                // a stored cohort now reported later by a new one: Hibernate writes the link, NewRecords the row
                link.cohort.supersededBy = em.getReference(Cohort.class, link.cohort.supersededBy.id);
            }
        }
        created.write(em);
        checkOutcomesWithinEnrolled(links, errors); // after the flush in write(): the stored outcomes as changed
        refuse(errors);
        return new ImportResult(dryRun, studies.counts(), cohorts.counts(), outcomes.counts());
    }

    private Study upsertStudy(StudyInput wanted, Study study, Tally tally, NewRecords created) {
        StudyInput in = wanted.normalized();
        if (study == null) {
            tally.count(Change.CREATED);
            return created.study(in);
        }
        tally.count(update(study, in, StudyInput::of, Study::apply));
        return study;
    }

    /**
     * Adds or updates the cohort's outcomes; tells whether any was. The keys of the outcomes it adds to a stored
     * cohort go to {@code addedToStored}, to be looked for again under the cohort's lock.
     */
    private static boolean upsertOutcomes(Cohort cohort, List<OutcomeInput> wanted, Map<OutcomeKey, Outcome> stored,
            Tally tally, NewRecords created, Map<Long, Set<OutcomeKey>> addedToStored) {
        boolean changed = false;
        for (OutcomeInput in : wanted) {
            Outcome outcome = stored.get(OutcomeKey.of(in));
            Change change;
            if (outcome == null) {
                created.outcome(cohort, in);
                change = Change.CREATED;
                if (cohort.id != null) {
                    addedToStored.computeIfAbsent(cohort.id, id -> new HashSet<>()).add(OutcomeKey.of(in));
                }
            } else {
                change = update(outcome, in, OutcomeInput::of, Outcome::apply);
            }
            tally.count(change);
            changed |= change != Change.UNCHANGED;
        }
        return changed;
    }

    /**
     * Locks the stored cohorts the import changes, or whose outcomes it adds or changes, as the CRUD API's writes lock
     * the one cohort they change (here in id order, so that two imports take them in the same order), and makes sure
     * that nothing changed them since they were read: a cohort at another version, or an outcome added (or moved)
     * since with a measure, definition and time point that the import adds too, is a 409 and nothing is imported.
     * Until the commit, CRUD writes to these cohorts and their outcomes wait, and then see what the import wrote.
     */
    private void lockChangedCohorts(Map<Long, Cohort> changed, Map<Long, Set<OutcomeKey>> addedToStored) {
        List<Long> ids = changed.keySet().stream().sorted().toList();
        for (List<Long> chunk : Chunks.of(ids, LOOKUP_CHUNK)) {
            List<?> rows = em.createNativeQuery("select id, version from cohort where id in (:ids) order by id "
                    + "for update").setParameter("ids", chunk).getResultList();
            for (Object row : rows) {
                Object[] columns = (Object[]) row;
                long id = ((Number) columns[0]).longValue();
                if (((Number) columns[1]).longValue() != changed.get(id).version) {
                    throw ApiException.conflict("cohort " + id + " was changed while it was being imported; import "
                            + "again");
                }
            }
        }
        List<Long> gaining = addedToStored.keySet().stream().sorted().toList();
        for (List<Long> chunk : Chunks.of(gaining, LOOKUP_CHUNK)) {
            // Read as values, not entities: the session holds the outcomes as they were first read.
            em.createQuery("select o.cohort.id as cohort, o.measure as measure, o.definition as definition, "
                    + "o.timepointMonths as months from Outcome o where o.cohort.id in :ids", Tuple.class)
                    .setParameter("ids", chunk).getResultStream().forEach(stored -> {
                        long cohort = stored.get("cohort", Long.class);
                        OutcomeKey key = OutcomeKey.of(stored.get("measure", Measure.class),
                                stored.get("definition", String.class), stored.get("months", Double.class));
                        if (addedToStored.get(cohort).contains(key)) {
                            throw ApiException.conflict("cohort " + cohort + " was given an outcome with the same "
                                    + "measure, definition and timepointMonths while it was being imported; import "
                                    + "again");
                        }
                    });
        }
    }

    /** Applies the wanted input to a stored record unless the record already reads as it: no write, no version. */
    private static <E, I> Change update(E stored, I wanted, Function<E, I> input, BiConsumer<E, I> apply) {
        if (input.apply(stored).equals(wanted)) {
            return Change.UNCHANGED;
        }
        apply.accept(stored, wanted);
        return Change.UPDATED;
    }

    /**
     * Sets a cohort's later report, found among the imported cohorts or else in the database, and tells whether the
     * cohort was created, changed or left as it was.
     */
    private Change link(PendingLink link, Map<CohortRef, Cohort> imported, List<FieldError> errors) {
        CohortRef ref = link.document.laterReport();
        Cohort later = null;
        if (ref != null) {
            later = imported.containsKey(ref) ? imported.get(ref) : stored(ref);
        }
        CohortRules.laterReportExists(ref != null, later)
                .ifPresent(e -> errors.add(DocumentReader.at(link.line, link.at, e)));
        CohortInput wanted = link.document.cohort().withSupersededBy(later == null ? null : later.id);
        link.cohort.supersededBy = later;
        if (link.before == null) {
            return Change.CREATED;
        }
        if (link.before.equals(wanted)) {
            return Change.UNCHANGED;
        }
        link.cohort.apply(wanted);
        return Change.UPDATED;
    }

    private Cohort stored(CohortRef ref) {
        return em.createQuery("select c from Cohort c where c.study.key = :key and c.label = :label", Cohort.class)
                .setParameter("key", ref.studyKey()).setParameter("label", ref.label())
                .getResultStream().findFirst().orElse(null);
    }

    /** The cohort rule on later reports, once every imported cohort has its link. */
    private static void checkCycles(List<PendingLink> links, List<FieldError> errors) {
        for (PendingLink link : links) {
            CohortRules.laterReportMakesNoCycle(link.cohort, link.cohort.supersededBy)
                    .ifPresent(e -> errors.add(DocumentReader.at(link.line, link.at, e)));
        }
    }

    /** A stored cohort's outcomes that the import does not mention must still fit within its (new) enrolled. */
    private void checkOutcomesWithinEnrolled(List<PendingLink> links, List<FieldError> errors) {
        Map<Long, PendingLink> shrunk = new HashMap<>();
        for (PendingLink link : links) {
            if (link.before != null && link.document.cohort().enrolled() < link.before.enrolled()) {
                shrunk.put(link.cohort.id, link);
            }
        }
        if (shrunk.isEmpty()) {
            return;
        }
        cohortService.largestOutcomeTotals(shrunk.keySet()).forEach((cohortId, largest) -> {
            PendingLink link = shrunk.get(cohortId);
            CohortRules.enrolledCoversOutcomes(link.cohort.enrolled, largest)
                    .ifPresent(e -> errors.add(DocumentReader.at(link.line, link.at, e)));
        });
    }

    /** The stored studies of a chunk of documents, with their cohorts and outcomes, in three queries. */
    private Existing existing(List<StudyDocument> chunk) {
        List<String> keys = chunk.stream().map(d -> d.study().key()).toList();
        Existing existing = new Existing();
        em.createQuery("select s from Study s where s.key in :keys", Study.class).setParameter("keys", keys)
                .getResultList().forEach(s -> existing.studies.put(s.key, s));
        if (existing.studies.isEmpty()) {
            return existing;
        }
        em.createQuery("select c from Cohort c join fetch c.study s where s.key in :keys", Cohort.class)
                .setParameter("keys", keys).getResultList()
                .forEach(c -> existing.cohorts.computeIfAbsent(c.study.key, k -> new HashMap<>()).put(c.label, c));
        em.createQuery("select o from Outcome o where o.cohort.study.key in :keys", Outcome.class)
                .setParameter("keys", keys).getResultList()
                .forEach(o -> existing.outcomes.computeIfAbsent(o.cohort.id, k -> new HashMap<>())
                        .put(OutcomeKey.of(OutcomeInput.of(o)), o));
        return existing;
    }

    private static final class Existing {
        final Map<String, Study> studies = new HashMap<>();
        final Map<String, Map<String, Cohort>> cohorts = new HashMap<>();
        final Map<Long, Map<OutcomeKey, Outcome>> outcomes = new HashMap<>();
    }

    /** An imported cohort whose later report is set once every cohort of the import exists. */
    private static final class PendingLink {
        final int line;
        final String at;
        final CohortDocument document;
        final CohortInput before;
        final Cohort cohort;
        /** Whether the import adds or changes any of the cohort's outcomes. */
        boolean outcomesChanged;

        PendingLink(int line, String at, CohortDocument document, CohortInput before, Cohort cohort) {
            this.line = line;
            this.at = at;
            this.document = document;
            this.before = before;
            this.cohort = cohort;
        }
    }
}
