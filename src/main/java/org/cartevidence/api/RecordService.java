package org.cartevidence.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the services of studies, cohorts and outcomes do alike: find a record (or 404), and create, replace or
 * merge-patch it through its kind's own {@link #write}, after the client's precondition holds on the stored state.
 * Each write is one transaction.
 *
 * @param <E> the record
 * @param <I> what a client writes of it
 */
public abstract class RecordService<E extends VersionedEntity, I> {

    @Inject
    protected EntityManager em;

    @Inject
    JsonMergePatch mergePatch;

    private final Class<E> type;
    private final Class<I> inputType;
    private final Function<E, I> input;
    private final String kind;

    /**
     * {@code input} gives a record's writable values as a client would send them (what a merge patch applies to);
     * {@code kind} names the record in a 404's detail.
     */
    protected RecordService(Class<E> type, Class<I> inputType, Function<E, I> input, String kind) {
        this.type = type;
        this.inputType = inputType;
        this.input = input;
        this.kind = kind;
    }

    public E get(long id) {
        return found(em.find(type, id), id);
    }

    /** The record a write changes; a kind whose rules read other records may lock it here. */
    protected E getForWrite(long id) {
        return get(id);
    }

    protected E found(E record, long id) {
        if (record == null) {
            throw ApiException.notFound(kind, id);
        }
        return record;
    }

    /** The record to change or delete, once the client's precondition holds on its stored state. */
    protected E writable(long id, Consumer<? super E> precondition) {
        E record = getForWrite(id);
        precondition.accept(record);
        return record;
    }

    /** Stores a new record ({@code record} carries what the URL decides, such as its parent) with the input's values. */
    protected E insert(E record, I in) {
        write(record, in);
        record.persist();
        em.flush();
        return record;
    }

    @Transactional
    public E replace(long id, I in, Consumer<? super E> precondition) {
        return update(id, record -> in, precondition);
    }

    /** RFC 7396: the patch applies to the record's input, and the result is written like a replacement. */
    @Transactional
    public E patch(long id, JsonNode patch, Consumer<? super E> precondition) {
        return update(id, record -> mergePatch.apply(input.apply(record), patch, inputType), precondition);
    }

    private E update(long id, Function<E, I> input, Consumer<? super E> precondition) {
        E record = writable(id, precondition);
        write(record, input.apply(record));
        em.flush();
        return record;
    }

    /** Takes the input into the record (new or stored), refusing what breaks the kind's rules. */
    protected abstract void write(E record, I in);
}
