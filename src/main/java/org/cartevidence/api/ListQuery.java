package org.cartevidence.api;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hibernate.jpa.HibernateHints;

/**
 * Builds the filtered, sorted and paged HQL of a list operation. Every filter value is bound as a parameter;
 * a filter whose value is absent (null or an empty list) adds nothing. Sort fields come only from a whitelist,
 * and the id is always the last sort key so that paging is stable.
 */
public final class ListQuery<E> {

    /** Rows fetched at a time by {@link #stream}. */
    private static final int STREAM_FETCH_SIZE = 1000;

    private final Class<E> type;
    private final String alias;
    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    private ListQuery(Class<E> type, String alias) {
        this.type = type;
        this.alias = alias;
    }

    public static <E> ListQuery<E> from(Class<E> type, String alias) {
        return new ListQuery<>(type, alias);
    }

    /** Adds {@code clause} (which uses {@code :parameter}) when {@code value} is present. */
    public ListQuery<E> where(String clause, String parameter, Object value) {
        if (value == null || (value instanceof Collection<?> c && c.isEmpty())) {
            return this;
        }
        clauses.add(clause);
        parameters.put(parameter, value);
        return this;
    }

    /** Keeps the records changed at or after {@code since}, when present. */
    public ListQuery<E> updatedSince(Instant since) {
        return where(alias + ".updatedAt >= :updatedSince", "updatedSince", since);
    }

    /** Adds {@code clause}, which binds no parameter, when {@code applies}. */
    public ListQuery<E> whereIf(boolean applies, String clause) {
        if (applies) {
            clauses.add(clause);
        }
        return this;
    }

    /**
     * Case-insensitive substring match of {@code text} over any of the given expressions. An expression that
     * already uses {@code :q} (an {@code exists} over a collection, say) is taken as the whole condition.
     */
    public ListQuery<E> containsText(String text, String... expressions) {
        if (text == null || text.isBlank()) {
            return this;
        }
        List<String> any = new ArrayList<>();
        for (String expression : expressions) {
            any.add(expression.contains(":q") ? expression : "lower(" + expression + ") like :q escape '\\'");
        }
        clauses.add("(" + String.join(" or ", any) + ")");
        String escaped = text.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        parameters.put("q", "%" + escaped + "%");
        return this;
    }

    public <T> PageResponse<T> page(EntityManager em, PageParams page, SortField[] sortFields,
            Function<E, T> view) {
        Map<String, String> sortable = new LinkedHashMap<>();
        for (SortField field : sortFields) {
            sortable.put(field.parameterName(), alias + "." + field.path());
        }
        String order = orderBy(page.sort, sortable); // refused the same whether or not anything matches
        String from = " from " + type.getSimpleName() + " " + alias + where();

        TypedQuery<Long> count = em.createQuery("select count(" + alias + ")" + from, Long.class);
        parameters.forEach(count::setParameter);
        long total = count.getSingleResult();

        int size = page.effectiveSize();
        List<T> items = List.of();
        if ((long) page.page * size < total) {
            TypedQuery<E> select = em.createQuery("select " + alias + from + order, type);
            parameters.forEach(select::setParameter);
            // The whole page first, then the views: lazy lists of the page then load in one batch, not one by one.
            items = select.setFirstResult(page.page * size).setMaxResults(size)
                    .getResultList().stream().map(view).toList();
        }
        return PageResponse.of(items, page.page, size, total);
    }

    /**
     * The first {@code limit} rows that pass the filters, as the projection {@code select} (e.g.
     * {@code select new R(...)}) over this type and its {@code joins}, in {@code orderBy} order.
     */
    public <R> List<R> project(EntityManager em, String select, String joins, String orderBy, Class<R> type,
            int limit) {
        return projection(em, select, joins, orderBy, type).setMaxResults(limit).getResultList();
    }

    /**
     * Every row that passes the filters, as {@link #project} orders them, read from the database as the stream is
     * consumed ({@value #STREAM_FETCH_SIZE} at a time): for aggregates over all matching rows that keep less than
     * the rows. Close the stream, inside the transaction.
     */
    public <R> Stream<R> stream(EntityManager em, String select, String joins, String orderBy, Class<R> type) {
        // Without a fetch size the PostgreSQL driver reads the whole result before the first row.
        return projection(em, select, joins, orderBy, type).setHint(HibernateHints.HINT_FETCH_SIZE, STREAM_FETCH_SIZE)
                .getResultStream();
    }

    /**
     * {@code select} (the {@code groupBy} expressions and aggregates) over the rows that pass the filters, this type
     * joined with {@code joins}: one row per group, in {@code groupBy} order.
     */
    public List<Object[]> grouped(EntityManager em, String select, String joins, String groupBy) {
        return query(em, select, joins, " group by " + groupBy + " order by " + groupBy, Object[].class)
                .getResultList();
    }

    private <R> TypedQuery<R> projection(EntityManager em, String select, String joins, String orderBy,
            Class<R> type) {
        return query(em, select, joins, " order by " + orderBy, type);
    }

    private <R> TypedQuery<R> query(EntityManager em, String select, String joins, String tail, Class<R> type) {
        TypedQuery<R> query = em.createQuery(select + " from " + this.type.getSimpleName() + " " + alias + " " + joins
                + where() + tail, type);
        parameters.forEach(query::setParameter);
        return query;
    }

    /** {@code select <expression>} (a count) over the rows that pass the filters, this type joined with {@code joins}. */
    public long count(EntityManager em, String expression, String joins) {
        return query(em, "select " + expression, joins, "", Long.class).getSingleResult();
    }

    private String where() {
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    private String orderBy(String sort, Map<String, String> sortable) {
        List<String> keys = new ArrayList<>();
        if (sort != null && !sort.isBlank()) {
            for (String token : sort.split(",")) {
                String field = token.strip();
                boolean descending = field.startsWith("-");
                String name = descending ? field.substring(1) : field;
                String path = sortable.get(name);
                if (path == null) {
                    throw ApiException.badParameter("sort", "cannot sort by '" + name + "'; sortable fields: "
                            + String.join(", ", new java.util.TreeSet<>(sortable.keySet())));
                }
                keys.add(path + (descending ? " desc" : " asc") + " nulls last");
            }
        }
        keys.add(alias + ".id asc");
        return " order by " + String.join(", ", keys);
    }
}
